from ninja import Schema


class Error(Schema):
    detail: str


class MembershipOut(Schema):
    organisation_id: int
    organisation_name: str
    role: str


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    preferred_language: str
    roles: list[MembershipOut]


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    city: str

"""Placing partners on the drawn map (pure, no database)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.network.rules import NL, frame, place

LAT = st.floats(min_value=50.8, max_value=53.5)
LON = st.floats(min_value=3.4, max_value=7.2)


def test_without_points_the_frame_is_the_country():
    assert frame([]) == NL


def test_north_is_up_and_east_is_right():
    dots = {d.key: d for d in place({1: (53.2, 6.5), 2: (51.9, 4.4)})}
    assert dots[1].y < dots[2].y and dots[1].x > dots[2].x


def test_a_single_town_gets_a_frame_around_it():
    (dot,) = place({1: (52.09, 5.11)}, width=600, height=600)
    assert dot.x == 300 and dot.y == 300


# The machine is shared: slow input generation is not a failure of the rule.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(st.integers(), st.tuples(LAT, LON), min_size=1, max_size=30))
def test_every_point_lands_inside_the_picture(points):
    for dot in place(points, width=600, height=400):
        assert 0 <= dot.x <= 600 and 0 <= dot.y <= 400

"""Stop reading an uploaded file as soon as it is larger than any file we accept.

Django streams uploads over 5 MB (FILE_UPLOAD_MAX_MEMORY_SIZE) to a temporary file. Without a
limit, someone could fill the disk with one huge upload before the form ever sees it. This handler
skips the rest of a file past the limit and marks the request, so the form can say why.
"""

from functools import wraps

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from inzet.recruitment import files


class SizeLimitHandler(FileUploadHandler):
    def __init__(self, request, limit: int):
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.upload_too_large = self.file_name or "?"  # the form words its message by type
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) builds the file


def limit_upload_size(view):
    """Put the size limit in front of Django's own upload handlers.

    Handlers can only change before the request body is read, and the CSRF check reads it; so the
    check is taken off the outer view and done again right after the handler is in place.
    """
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.upload_too_large = ""
        if request.method == "POST":
            request.upload_handlers.insert(0, SizeLimitHandler(request, files.max_upload_size()))
        return protected(request, *args, **kwargs)

    return wrapper

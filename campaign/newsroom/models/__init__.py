from .imports import ImportedRelease
from .pages import (
    NewsroomPage,
    PressReleaseAttachment,
    PressReleasePage,
    PressReleaseQuerySet,
    PressReleaseRelatedLink,
    PressReleaseTopic,
)
from .previews import EmbargoPreviewLink
from .snippets import Boilerplate, MediaContact, PressClip

__all__ = [
    "Boilerplate",
    "EmbargoPreviewLink",
    "ImportedRelease",
    "MediaContact",
    "NewsroomPage",
    "PressClip",
    "PressReleaseAttachment",
    "PressReleasePage",
    "PressReleaseQuerySet",
    "PressReleaseRelatedLink",
    "PressReleaseTopic",
]

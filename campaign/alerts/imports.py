"""The contacts import as a background job: upload -> preview -> confirm -> worker -> report.

Upload reads and checks the whole file in the request (a few queries for any number of rows) and
keeps it with its preview; nothing touches the contacts. Confirming only queues the job, so the
officer is back on the report page at once, however long the file. A worker runs it (on the
default queue), counting progress as it goes; the report page stays, and the officer gets an
e-mail when an import took longer than ALERTS_IMPORT_NOTIFY_SECONDS. Running a job again (after
its worker died) applies the same rows again, which changes nothing twice.
"""

from collections.abc import Collection

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.log_actions import log

from . import csv_io
from .models import ContactImport

Status = ContactImport.Status


def upload(data: bytes, file_name: str, user) -> ContactImport:
    """Plan the import of an uploaded file and keep it for the officer to confirm. Raises
    csv_io.FileError when the file cannot be read at all."""
    plan = csv_io.plan_import(data, user=user)
    return ContactImport.objects.create(
        file_name=file_name[:255],
        csv_text=data.decode("utf-8-sig"),
        created_by=user,
        total_rows=plan.total_rows,
        to_create=plan.to_create,
        to_update=plan.to_update,
        refused=plan.refused,
        unknown_lists=plan.unknown_lists,
    )


def confirm(job: ContactImport, new_lists: Collection[str], user) -> bool:
    """Mark a previewed import confirmed; only the ticked names among its unknown lists will be
    made. Returns whether the caller should queue it: False when it was already confirmed (a
    second click queues nothing)."""
    chosen = sorted(set(new_lists) & set(job.unknown_lists))
    with transaction.atomic():
        queued = ContactImport.objects.filter(pk=job.pk, status=Status.PREVIEW).update(
            status=Status.QUEUED, new_lists=chosen
        )
        if queued:
            log(job, "alerts.import_contacts", user=user, data={"new_lists": chosen})
    return bool(queued)


def run(job_id: int) -> None:
    """Apply a confirmed import; called by the worker."""
    if not ContactImport.objects.filter(
        pk=job_id, status__in=[Status.QUEUED, Status.RUNNING]
    ).update(status=Status.RUNNING, started_at=timezone.now(), rows_done=0):
        return
    job = ContactImport.objects.get(pk=job_id)

    def progress(rows_done: int) -> None:
        ContactImport.objects.filter(pk=job_id).update(rows_done=rows_done)

    try:
        result = csv_io.import_contacts(
            job.csv_text.encode(), user=job.created_by, new_lists=job.new_lists, progress=progress
        )
    except Exception:
        ContactImport.objects.filter(pk=job_id).update(
            status=Status.FAILED, finished_at=timezone.now()
        )
        raise
    job.status = Status.DONE
    job.created, job.updated, job.errors = result.created, result.updated, result.errors
    job.rows_done = job.total_rows
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "created", "updated", "errors", "rows_done", "finished_at"])
    if (job.finished_at - job.started_at).total_seconds() >= settings.ALERTS_IMPORT_NOTIFY_SECONDS:
        notify(job)


def notify(job: ContactImport) -> None:
    """Tell the officer who uploaded the file that a long import has finished."""
    user = job.created_by
    if user is None or not user.email:
        return
    report = get_admin_base_url() + job.get_absolute_url()
    send_mail(
        _("Contacts import finished: %(file)s") % {"file": job.file_name},
        _(
            "%(created)d contacts added, %(updated)d updated, %(refused)d rows not imported.\n\n"
            "The report: %(url)s\n"
        )
        % {
            "created": job.created,
            "updated": job.updated,
            "refused": len(job.errors),
            "url": report,
        },
        None,
        [user.email],
    )

"""Admin pages of the contacts import: upload, preview, confirm, and the report that stays."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied

from . import csv_io, imports, tasks
from .forms import ContactImportForm
from .models import ContactImport

PERMISSION = "alerts.add_presscontact"
RECENT_SHOWN = 10


def contacts_import(request):
    """Upload a file; a readable one goes to its preview, an unreadable one is explained."""
    if not request.user.has_perm(PERMISSION):
        return permission_denied(request)
    form = ContactImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = imports.upload(upload.read(), upload.name, request.user)
        except csv_io.FileError as error:
            form.add_error("file", str(error))
        else:
            return redirect(job)
    return render(
        request,
        "alerts/admin/contacts_import.html",
        {
            "form": form,
            "recent": ContactImport.objects.defer("csv_text").select_related("created_by")[
                :RECENT_SHOWN
            ],
            "page_title": _("Import contacts"),
            "header_icon": "upload",
        },
        status=400 if form.errors else 200,
    )


def contacts_import_detail(request, pk: int):
    """The preview before confirming; afterwards the progress, then the report."""
    if not request.user.has_perm(PERMISSION):
        return permission_denied(request)
    job = get_object_or_404(ContactImport.objects.defer("csv_text"), pk=pk)
    return render(
        request,
        "alerts/admin/contacts_import_detail.html",
        {
            "job": job,
            "unknown_lists": sorted(job.unknown_lists.items()),
            "page_title": _("Import of %(file)s") % {"file": job.file_name},
            "header_icon": "upload",
        },
    )


@require_POST
def contacts_import_confirm(request, pk: int):
    if not request.user.has_perm(PERMISSION):
        return permission_denied(request)
    job = get_object_or_404(ContactImport, pk=pk)
    if imports.confirm(job, request.POST.getlist("new_lists"), request.user):
        tasks.enqueue_at(tasks.run_contact_import, None, job.pk)
        messages.success(request, _("Import started. This page shows its progress."))
    else:
        messages.info(request, _("This import was already confirmed."))
    return redirect(job)


@require_POST
def contacts_import_discard(request, pk: int):
    if not request.user.has_perm(PERMISSION):
        return permission_denied(request)
    deleted, _rows = ContactImport.objects.filter(
        pk=pk, status=ContactImport.Status.PREVIEW
    ).delete()
    if deleted:
        messages.success(request, _("Import discarded: no contact was changed."))
    return redirect("alerts_admin:contacts_import")

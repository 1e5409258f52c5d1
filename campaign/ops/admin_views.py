"""Admin: the "Background work" report, the queue as the officer sees it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from . import background


class TaskAgeColumn(Column):
    cell_template_name = "ops/task_age_cell.html"


class BackgroundWorkView(ReportView):
    """Waiting, running and recently failed tasks on every queue, by kind, oldest first. Any
    admin user may look; it names task kinds only, never their data."""

    page_title = _("Background work")
    header_icon = "cogs"
    index_url_name = "ops_background_work"
    index_results_url_name = "ops_background_work_results"
    results_template_name = "ops/background_work_results.html"
    paginate_by = 100
    columns = [
        Column("queue", label=_("Queue")),
        Column("kind", label=_("Kind of task")),
        Column("queued", label=_("Waiting")),
        Column("running", label=_("Running")),
        Column("failed", label=_("Failed (7 days)")),
        TaskAgeColumn("oldest_enqueued_at", label=_("Oldest waiting or running for")),
    ]
    list_export = ["queue", "kind", "queued", "running", "failed", "oldest_enqueued_at"]
    export_headings = {"oldest_enqueued_at": _("Oldest enqueued at")}

    def get_queryset(self):
        return background.queue_rows()

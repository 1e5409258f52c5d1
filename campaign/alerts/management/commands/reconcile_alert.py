from django.core.management.base import BaseCommand, CommandError

from campaign.alerts import tasks
from campaign.alerts.models import MediaAlert


class Command(BaseCommand):
    help = (
        "Settle a media alert's deliveries whose outcome is unknown and that no provider event "
        "has settled. Check the provider's logs first: --resend sends them again, --mark-failed "
        "records them as not sent. The alert's send page in the admin does the same."
    )

    def add_arguments(self, parser):
        parser.add_argument("alert_id", type=int)
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--resend", action="store_true")
        action.add_argument("--mark-failed", action="store_true")

    def handle(self, *args, alert_id, resend, mark_failed, **options):
        try:
            alert = MediaAlert.objects.get(pk=alert_id)
        except MediaAlert.DoesNotExist as error:
            raise CommandError(f"There is no media alert {alert_id}.") from error
        changed = tasks.reconcile_unknown(alert.pk, resend=resend)
        verb = "Requeued" if resend else "Marked failed"
        self.stdout.write(f"{verb} {changed} delivery(ies) of '{alert}'.")

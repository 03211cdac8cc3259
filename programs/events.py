"""
What makes a program an event: its status, how people attend, its times in the program's own
time zone, and a sequence number that calendar apps use to notice a changed event
(docs/decisions/0110). Mixed into ProgramPage; iCalendar and JSON-LD read these helpers.
"""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Kinds of program that have no single date to attend (ProgramPage.Kind values).
NOT_EVENT_KINDS = {"project", "initiative"}

# A change to any of these is one a calendar app must show: the event's SEQUENCE goes up.
SEQUENCED_FIELDS = (
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "time_zone",
    "event_status",
    "attendance_mode",
    "online_url",
    "venue",
    "city",
    "country",
)


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed (new date to be announced)")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved_online", _("Moved online")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class EventDetails(models.Model):
    event_status = models.CharField(
        _("event status"), max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    previous_start_date = models.DateField(
        _("previous start date"),
        null=True,
        blank=True,
        help_text=_("For a rescheduled program: the date it was to start."),
    )
    attendance_mode = models.CharField(
        _("attendance mode"),
        max_length=16,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    online_url = models.URLField(
        _("online url"),
        blank=True,
        help_text=_("Where to join online (for online and mixed programs)."),
    )
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Local time; leave both times empty for all-day."),
    )
    end_time = models.TimeField(
        _("end time"), null=True, blank=True, help_text=_("Local time on the end date.")
    )
    # Not edited: raised on each publication that changes a field in SEQUENCED_FIELDS.
    event_sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Draft saves write only a few fields (update_fields); publishing writes the whole row.
        if self.pk and kwargs.get("update_fields") is None:
            self.event_sequence = self.next_event_sequence()
        super().save(*args, **kwargs)

    @property
    def is_event(self):
        return self.kind not in NOT_EVENT_KINDS

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def is_cancelled(self):
        return self.event_status == EventStatus.CANCELLED

    @property
    def is_online(self):
        return (
            self.attendance_mode != AttendanceMode.IN_PERSON
            or self.event_status == EventStatus.MOVED_ONLINE
        )

    @property
    def has_venue(self):
        return self.attendance_mode != AttendanceMode.ONLINE and (
            self.event_status != EventStatus.MOVED_ONLINE
        )

    def event_start(self):
        """A date for an all-day program, else an aware datetime in the program's time zone."""
        if self.is_all_day:
            return self.start_date
        return datetime.datetime.combine(
            self.start_date, self.start_time, zoneinfo.ZoneInfo(self.time_zone)
        )

    def event_end(self):
        """The last day of an all-day program (inclusive), else an aware datetime."""
        if self.is_all_day:
            return self.end_date
        return datetime.datetime.combine(
            self.end_date, self.end_time, zoneinfo.ZoneInfo(self.time_zone)
        )

    def clean_event_details(self):
        """Errors by field; called from ProgramPage.clean once the end date is known."""
        errors = {}
        if (self.start_time is None) != (self.end_time is None):
            errors["end_time"] = "Give both a start and an end time, or neither for all-day."
        elif (
            self.start_time
            and self.end_date == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = "A one-day program must end after it starts."
        if self.event_status == EventStatus.RESCHEDULED and not self.previous_start_date:
            errors["previous_start_date"] = "Give the date the program was to start."
        if self.is_online and not self.online_url:
            errors["online_url"] = "Give the address where people join online."
        if errors:
            raise ValidationError(errors)

    def next_event_sequence(self):
        """The stored sequence, plus one if an event field differs from the stored row."""
        stored = (
            type(self).objects.filter(pk=self.pk).only(*SEQUENCED_FIELDS, "event_sequence").first()
        )
        if stored is None:
            return self.event_sequence
        changed = any(
            self._meta.get_field(name).value_to_string(stored)
            != self._meta.get_field(name).value_to_string(self)
            for name in SEQUENCED_FIELDS
        )
        return stored.event_sequence + changed

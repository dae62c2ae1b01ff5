"""The moderation queue in the Wagtail admin: reported posts and posts published despite the
data-protection warning, the actions on them, silences and the moderation log. Open to members
who moderate at least one category (group "Moderation" or a category's moderators); each action
is checked again, per category, by the services."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import moderation, selectors, services
from .forms import (
    LiftSilenceForm,
    ModerationActionForm,
    ModeratorEditForm,
    MoveTopicForm,
    RedactForm,
    SilenceForm,
)
from .models import Silence
from .permissions import for_request

QUEUE_PER_PAGE = 25
LOG_PER_PAGE = 50


def admin_page(request, items, per_page: int) -> dict:
    """A page of ``items`` and the few page numbers Wagtail's own pagination links show."""
    page = WagtailPaginator(items, per_page).get_page(request.GET.get("p"))
    return {"page": page, "elided_page_range": page.paginator.get_elided_page_range(page.number)}


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


class ModerationView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        self.permissions = for_request(request)
        if not self.permissions.can_use_moderation_queue():
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("forum_moderation:queue"), "label": _("Forum moderation")},
            {"url": "", "label": self.get_page_title()},
        ]


class QueueView(ModerationView):
    page_title = gettext_lazy("Reported posts")
    template_name = "forum/admin/queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queue = selectors.moderation_queue(permissions=self.permissions)
        unchecked = selectors.personal_data_queue(permissions=self.permissions)
        context.update(
            **admin_page(self.request, queue, QUEUE_PER_PAGE),
            personal_data_posts=list(unchecked[:QUEUE_PER_PAGE]),
            personal_data_count=unchecked.count(),
            can_silence=self.permissions.can_silence_members(),
            threshold=moderation.reports_to_hide(),
        )
        return context


class PostView(ModerationView):
    """One post with its reports and every action a moderator can take on it."""

    template_name = "forum/admin/post.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.post_obj = selectors.moderation_post(pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        permissions = for_request(request)
        if self.post_obj is None or not permissions.can_moderate(self.post_obj.topic.category_id):
            if not permissions.can_use_moderation_queue():
                return permission_denied(request)
            raise Http404(_("This post does not exist or you do not moderate its category."))
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Post #%(number)d in “%(title)s”") % {
            "number": self.post_obj.number,
            "title": self.post_obj.topic.title,
        }

    def forms(self, data=None, action=None):
        moved_ids = self.permissions.moderated_category_ids() & (
            self.permissions.readable_category_ids()
        )
        return {
            "action_form": ModerationActionForm(data if action == "post" else None),
            "topic_form": ModerationActionForm(data if action == "topic" else None, prefix="t"),
            "move_form": MoveTopicForm(
                data if action == "move" else None,
                category_ids=moved_ids - {self.post_obj.topic.category_id},
                prefix="m",
            ),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = self.post_obj
        context.update(
            post=post,
            topic=post.topic,
            reports=post.all_reports,
            open_reports=[report for report in post.all_reports if report.status == "open"],
            can_silence=self.permissions.can_silence_members()
            and post.author is not None
            and post.author != self.request.user,
            public_url=reverse("forum:post", kwargs={"pk": post.pk}),
        )
        for name, form in kwargs.get("forms", self.forms()).items():
            context[name] = form
        return context

    def post(self, request, *args, **kwargs):
        post, topic = self.post_obj, self.post_obj.topic
        action = request.POST.get("aktion", "")
        group = {
            "ausblenden": "post",
            "einblenden": "post",
            "zurueckweisen": "post",
            "geprueft": "post",
            "schliessen": "topic",
            "oeffnen": "topic",
            "anheften": "topic",
            "loesen": "topic",
            "verschieben": "move",
        }.get(action)
        if group is None:
            messages.error(request, _("Unknown action."))
            return redirect("forum_moderation:post", pk=post.pk)
        forms = self.forms(request.POST, group)
        form = forms[{"post": "action_form", "topic": "topic_form", "move": "move_form"}[group]]
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(forms=forms))
        reason = form.cleaned_data["reason"]
        try:
            if action == "ausblenden":
                moderation.post_hide(post=post, actor=request.user, reason=reason)
                done = _("The post is hidden.")
            elif action == "einblenden":
                moderation.post_unhide(post=post, actor=request.user, reason=reason)
                done = _("The post is visible again.")
            elif action == "zurueckweisen":
                count = moderation.reports_dismiss(post=post, actor=request.user, reason=reason)
                done = _("%(count)d reports dismissed.") % {"count": count}
            elif action == "geprueft":
                moderation.post_personal_data_checked(post=post, actor=request.user, reason=reason)
                done = _("The post is checked and has left the queue.")
            elif action in ("schliessen", "oeffnen"):
                services.topic_set_locked(
                    topic=topic, actor=request.user, locked=action == "schliessen", reason=reason
                )
                done = (
                    _("The topic is closed.")
                    if action == "schliessen"
                    else _("The topic is open again.")
                )
            elif action in ("anheften", "loesen"):
                services.topic_set_pinned(
                    topic=topic, actor=request.user, pinned=action == "anheften", reason=reason
                )
                done = (
                    _("The topic is pinned.")
                    if action == "anheften"
                    else _("The topic is no longer pinned.")
                )
            else:
                moderation.topic_move(
                    topic=topic,
                    actor=request.user,
                    category=form.cleaned_data["category"],
                    reason=reason,
                )
                done = _("The topic has been moved to “%(name)s”.") % {
                    "name": form.cleaned_data["category"].name
                }
        except ValidationError as error:
            messages.error(request, _errors(error))
            return self.render_to_response(self.get_context_data(forms=forms))
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect("forum_moderation:post", pk=post.pk)
        messages.success(request, done)
        return redirect("forum_moderation:post", pk=post.pk)


class PostFormView(PostView):
    """Base of the edit and redact pages: one form, a reason, back to the post."""

    form_class = None

    def get_form(self, data=None):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or self.get_form()
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                message = self.perform(form.cleaned_data)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error.messages)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, message)
                return redirect("forum_moderation:post", pk=self.post_obj.pk)
        messages.error(request, _("Please correct the errors below."))
        return self.render_to_response(self.get_context_data(form=form))


class EditView(PostFormView):
    template_name = "forum/admin/edit.html"

    def get_page_title(self):
        return _("Edit post #%(number)d") % {"number": self.post_obj.number}

    def get_form(self, data=None):
        return ModeratorEditForm(data, initial={"body": self.post_obj.body})

    def perform(self, data) -> str:
        services.post_edit(
            post=self.post_obj, editor=self.request.user, body=data["body"], reason=data["reason"]
        )
        return _("The post has been changed; the change is in the moderation log.")


class RedactView(PostFormView):
    template_name = "forum/admin/redact.html"

    def get_page_title(self):
        return _("Remove a passage from post #%(number)d") % {"number": self.post_obj.number}

    def get_form(self, data=None):
        return RedactForm(data)

    def perform(self, data) -> str:
        places = moderation.post_redact(
            post=self.post_obj,
            actor=self.request.user,
            passage=data["passage"],
            reason=data["reason"],
        )
        return _(
            "The passage has been removed from %(places)d places (text, earlier versions, search)."
        ) % {"places": places}


class SilencesView(ModerationView):
    """Silence a member (``?mitglied=<id>``) and lift silences in force."""

    page_title = gettext_lazy("Silenced members")
    template_name = "forum/admin/silences.html"

    def dispatch(self, request, *args, **kwargs):
        if not for_request(request).can_silence_members():
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def member(self):
        raw = self.request.POST.get("mitglied") or self.request.GET.get("mitglied")
        if not raw or not str(raw).isdigit():
            return None
        return get_user_model().objects.filter(pk=int(raw), is_active=True).first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            member=kwargs.get("member", self.member()),
            silence_form=kwargs.get("silence_form") or SilenceForm(),
            lift_form=LiftSilenceForm(prefix="a"),
            silences=selectors.active_silences(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if "aufheben" in request.POST:
            silence = Silence.objects.select_related("user").filter(
                pk=request.POST.get("aufheben") if request.POST["aufheben"].isdigit() else None
            )
            silence = silence.first()
            form = LiftSilenceForm(request.POST, prefix="a")
            if silence is None:
                messages.error(request, _("This silence does not exist."))
            elif not form.is_valid():
                messages.error(request, " ".join(form.errors.get("reason", [])))
            else:
                try:
                    moderation.silence_lift(
                        silence=silence, actor=request.user, reason=form.cleaned_data["reason"]
                    )
                except ValidationError as error:
                    messages.error(request, _errors(error))
                else:
                    messages.success(
                        request,
                        _("%(name)s may write again.") % {"name": silence.user.public_name},
                    )
            return redirect("forum_moderation:silences")

        member = self.member()
        form = SilenceForm(request.POST)
        if member is None:
            messages.error(request, _("Please choose a member to silence."))
            return redirect("forum_moderation:silences")
        if form.is_valid():
            try:
                silence = moderation.member_silence(
                    member=member,
                    actor=request.user,
                    days=form.cleaned_data["days"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                messages.error(request, _errors(error))
            else:
                messages.success(
                    request,
                    _("%(name)s is silenced until %(until)s.")
                    % {
                        "name": member.public_name,
                        "until": timezone.localtime(silence.until).strftime("%d.%m.%Y %H:%M"),
                    },
                )
                return redirect("forum_moderation:silences")
        else:
            messages.error(request, _("Please correct the errors below."))
        return self.render_to_response(self.get_context_data(member=member, silence_form=form))


class LogView(ModerationView):
    page_title = gettext_lazy("Moderation log")
    template_name = "forum/admin/log.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = selectors.moderation_log(permissions=self.permissions)
        context.update(admin_page(self.request, entries, LOG_PER_PAGE))
        return context

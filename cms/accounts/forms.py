from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from cms.mail.services import email_send
from cms.validators import SingleLineFormMixin

from .models import User

# Far above any passphrase a person or a password manager uses, far below what would make
# hashing or the request itself costly.
PASSWORD_MAX_LENGTH = 4096


class CredentialLengthMixin:
    """Refuse over-long credentials as a field error before they reach authenticate().

    AuthenticationForm sets the username's max_length only as an attribute, which validates
    nothing: a name of thousands of characters would go on into the lock-out log, whose
    username column holds 255.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        # Wagtail's form brings its own, looser limit (254); one message is enough.
        username.validators = [
            *(v for v in username.validators if not isinstance(v, MaxLengthValidator)),
            MaxLengthValidator(username.max_length),
        ]
        self.fields["password"].validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))


class LoginForm(CredentialLengthMixin, SingleLineFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Username or password is wrong. Please check both; note that upper and lower "
            "case matter."
        ),
        "inactive": _("This account is inactive."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")


class AdminLoginForm(CredentialLengthMixin, WagtailLoginForm):
    """The Wagtail admin's login (WAGTAILADMIN_USER_LOGIN_FORM) with the site's limits."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's password field has no label, so Django would show its English field name.
        self.fields["password"].label = _("Password")


class ProfileForm(SingleLineFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "email", "organisation", "function", "region"]
        labels = {"email": _("E-mail address")}
        help_texts = {"email": _("Used for password resets and notifications.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["region"].choices = [
            ("", _("— no region —")),
            *self.fields["region"].choices[1:],
        ]


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, with the e-mail sent through the mail queue (``cms.mail``)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        email_send(
            to=[to_email],
            subject=render_to_string(subject_template_name, context),
            body=render_to_string(email_template_name, context),
            html=(
                render_to_string(html_email_template_name, context)
                if html_email_template_name
                else ""
            ),
        )

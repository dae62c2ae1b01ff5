from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import User


class LoginForm(AuthenticationForm):
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


class ProfileForm(forms.ModelForm):
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

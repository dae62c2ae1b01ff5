import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "Sicheres-Passwort-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@jobcenter.example")
    display_name = factory.Faker("name", locale="de_DE")
    organisation = "Jobcenter EN"
    function = "Integrationsfachkraft"
    region = "NW"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.save()
            for name in extracted or []:
                self.groups.add(Group.objects.get_or_create(name=name)[0])


def create_user(*groups: str, **fields):
    return UserFactory(groups=list(groups), **fields)

from wagtail import hooks

from .files import document_check


# After Wagtail's own check of collection privacy (order 0), so that both must let a user through.
@hooks.register("before_serve_document", order=100)
def refuse_documents_to_those_who_may_not_see_them(document, request):
    return document_check(request, document)

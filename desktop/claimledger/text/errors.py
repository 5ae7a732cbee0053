"""The one error the text pipeline raises for bad input."""


class ArticleError(ValueError):
    """An input that cannot be turned into an article.

    ``str(error)`` is one plain sentence that the UI can show as it is, e.g.
    "The file is empty." Nothing else about the input is changed when it is raised.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

from tests.urlwalk import LOGIN, OK, Case

EXPECTATIONS = {
    "dashboard": Case(expect={"anonymous": LOGIN, "*": OK}),
}

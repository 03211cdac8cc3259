"""
The editor of a fault test's site (tests/delivery/faults.py): a Django process on the site's
settings that runs each line of Python it is sent (one JSON-encoded snippet per line) and
answers with one line of JSON holding the snippet's `result`, or its error. Changes are made
here as an editor's request makes them: Wagtail's own operations, through the same signals.
"""

import json
import sys
import traceback

import django

ANSWER = "@@answer "  # marks the answer among whatever else the site prints


def main():
    django.setup()
    namespace = {}
    for line in sys.stdin:
        namespace.pop("result", None)
        try:
            exec(json.loads(line), namespace)  # noqa: S102 - the test's own code
            answer = {"result": namespace.get("result")}
        except Exception:  # the test shows it
            answer = {"error": traceback.format_exc()}
        print(ANSWER + json.dumps(answer, default=str), flush=True)


if __name__ == "__main__":
    main()

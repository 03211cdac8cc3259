"""The tests' one clock: time stands still at START until a test moves it (`clock.move_to`)."""

import datetime

import pytest
import time_machine

START = datetime.datetime(2030, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller

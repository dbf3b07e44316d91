"""An interception or a missile attack is placed where the projectile was aimed or downed (rasd/extract/projectiles.py).

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from datetime import date

import pytest

import rasd

D = date(2024, 5, 12)


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.sub_event_type, e.location, e.admin1) for e in rasd.extract(text, published=D)]


@pytest.mark.parametrize(
    ("text", "location", "admin1"),
    [
        # downed over a city, launched from a country: the city
        ("أسقطت الدفاعات الجوية السعودية مساء أمس صاروخا في سماء نجران بعد إطلاقه من اليمن.", "Najran", "Najran"),
        # aimed at a region, launched from a country named first
        ("أعلنت السعودية اعتراض صاروخ باليستي أطلق من اليمن باتجاه منطقة جازان الليلة الماضية.", "Jazan", "Jazan"),
        # launched from a Yemeni town towards a Saudi city: the target, not the launch site
        ("اعترضت الدفاعات السعودية أمس صاروخا أطلقه الحوثيون من صعدة باتجاه مدينة خميس مشيط.", "Khamis Mushait", "Asir"),
    ],
)
def test_an_interception_is_placed_at_its_aim(text: str, location: str, admin1: str) -> None:
    (record,) = _places(text)
    assert record == ("Disrupted weapons use", location, admin1)


def test_the_coalition_named_after_yemen_is_no_place() -> None:
    text = "قال تحالف دعم الشرعية في اليمن إن دفاعاته الجوية اعترضت أمس صاروخا فوق مدينة جازان."
    assert _places(text) == [("Disrupted weapons use", "Jizan", "Jazan")]


def test_a_place_a_launch_came_from_is_no_site_of_its_own() -> None:
    text = "اعترضت الدفاعات الجوية أمس صاروخين أطلقا من صعدة باتجاه نجران وجازان."
    assert {loc for _, loc, _ in _places(text)} <= {"Najran", "Jizan", "Jazan"}

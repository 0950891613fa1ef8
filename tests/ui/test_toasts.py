"""A toast drawn over the panels shows every Chinese character (issue 10, item 6).

The compositor cut each line at the edges of the panels behind the toast, and a wide
character straddling such an edge became two blanks: `已完成：准备瀚  银  季度…`."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.demo.build import build_demo
from cockpit.items.workspace import Workspace
from tests.ui.render import toast_text
from tests.ui.rendered import drawn

MESSAGES = [
    "已完成：准备瀚海银行季度业务回顾材料和续约方案",
    "已完成：a准备瀚海银行季度业务回顾材料和续约方案",  # shifted by one cell
    "已保存：第二条：北辰证券扩容方案评审与报价，下周一前发给销售和售前团队确认",
]


@pytest.mark.parametrize("message", MESSAGES)
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_toast_over_panels_keeps_every_character(
    tmp_path: Path, clock: FrozenClock, message: str, size: tuple[int, int]
) -> None:
    i18n.set_language("zh")
    ws = Workspace(tmp_path / "ws", clock, Config(language="zh"))
    build_demo(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        app.notify(message, timeout=30)
        await pilot.pause(0.3)
        shown = "".join(toast_text(app).split())
        assert "".join(message.split()) in shown, shown
        # and every line around it still fills the screen exactly
        assert all(strip.cell_length == size[0] for strip in drawn(app))

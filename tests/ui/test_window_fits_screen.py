"""Every window opens no larger than the screen it is on (1366x768 laptops, 150% scaling)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from eventdesk.ui.screen_fit import available, fitted


def test_a_1280x800_window_is_shrunk_to_a_1366x768_screen():
    assert fitted(QSize(1280, 800), QRect(0, 0, 1366, 768)) == QSize(1280, 728)


def test_a_1920x1080_screen_at_150_percent_is_1280x720_to_qt():
    assert fitted(QSize(1280, 800), QRect(0, 0, 1280, 720)) == QSize(1264, 680)
    assert fitted(QSize(820, 900), QRect(0, 0, 1280, 720)) == QSize(820, 680)


def test_a_window_that_fits_keeps_its_size():
    assert fitted(QSize(520, 380), QRect(0, 0, 1366, 768)) == QSize(520, 380)


def test_the_main_window_opens_inside_the_screen(main_window):
    area = available(main_window)
    assert main_window.frameGeometry().height() <= area.height()
    assert main_window.width() <= area.width()


def test_the_print_preview_opens_inside_the_screen(main_window):
    assert main_window.print_summary()
    from eventdesk.ui.summary_preview import SummaryPreviewDialog

    (dialog,) = main_window.findChildren(SummaryPreviewDialog)
    area = available(dialog)
    assert dialog.height() + 40 <= area.height()
    assert dialog.close_button.isVisible()
    dialog.close()


def test_help_offers_the_guide_and_the_shortcuts(main_window):
    shortcuts = main_window.show_shortcuts()
    text = shortcuts.browser.toPlainText()
    assert "Ctrl+S" in text and "Save" in text and "Escape" in text
    guide = main_window.show_guide()
    assert "Entering a meeting" in guide.browser.toPlainText()
    for window in (shortcuts, guide):
        assert window.height() + 40 <= available(window).height()
        window.close()

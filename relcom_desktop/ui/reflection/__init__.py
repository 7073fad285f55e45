"""Reflective practice screens: the learning log, the from → to self-assessment, their forms
and charts. Other pages start a reflection "on this" record with
:func:`relcom_desktop.ui.reflection.reflection_dialog.reflect_on`."""

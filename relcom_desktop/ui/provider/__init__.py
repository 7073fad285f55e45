"""The provider page and its tabs, the journal entry form, and the Ofsted import dialog."""

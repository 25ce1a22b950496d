package radesk.core.review;

/** The forms that go through review besides the registration form. */
public enum FormKind {
	REVOCATION, PASSWORD_RESET, PIN_UNLOCK
}

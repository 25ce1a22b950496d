package radesk.core.registration;

/** How a form reached the RA: by post (郵寄) or at the counter (臨櫃). */
public enum Channel {
	POSTAL, COUNTER
}

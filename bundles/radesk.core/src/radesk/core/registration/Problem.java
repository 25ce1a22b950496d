package radesk.core.registration;

/**
 * What is wrong with one field. The core names the problem; each user interface words it in
 * its own language, so the rules never carry display text.
 */
public enum Problem {
	REQUIRED, TOO_LONG, ID_WRONG_LENGTH, ID_WRONG_FORMAT, ID_WRONG_CHECKSUM, EMAIL_MALFORMED, UNKNOWN_RA_UNIT,
	PHONE_MALFORMED, ADDRESS_NO_POSTCODE, BUSINESS_NUMBER_WRONG_FORMAT, BUSINESS_NUMBER_WRONG_CHECKSUM, DOCUMENTS_MISSING,
	/** Control or invisible characters (a bidi override, say) that would make a certificate lie. */
	UNPRINTABLE
}

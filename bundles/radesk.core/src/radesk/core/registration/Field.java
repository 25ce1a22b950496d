package radesk.core.registration;

/** The fields of the registration form (憑證註冊申請單) that the rules check. */
public enum Field {
	NAME, NATIONAL_ID, EMAIL, RA_UNIT, PHONE, ADDRESS, ORGANIZATION, BUSINESS_NUMBER, DOCUMENTS
}

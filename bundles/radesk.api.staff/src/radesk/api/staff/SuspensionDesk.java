package radesk.api.staff;

import radesk.api.ServiceException;
import radesk.core.access.Actor;

/**
 * 暫禁 and 恢復使用 at the counter. A clerk or an officer puts a certificate on hold at once (the
 * subscriber, in person or on the telephone, reports the card lost); an officer other than whoever
 * suspended it resumes it, the card found and the person checked; revoking it goes through the
 * revocation form as for any certificate. CRL and OCSP say certificateHold within a minute, and
 * good again after the resumption.
 */
public interface SuspensionDesk {

	/** 暫禁: the certificate ({@code certificate}: its 憑證識別碼 or serial) on hold at once; {@code note}: why, for the record. */
	void suspend(Actor staff, String certificate, String note) throws ServiceException;

	/** 恢復使用: off hold, back in use; not by whoever suspended it. */
	void resume(Actor officer, String certificate, String note) throws ServiceException;
}

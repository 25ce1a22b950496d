package radesk.api.staff;

import radesk.api.ServiceException;

import java.time.Instant;

import radesk.core.access.Actor;

/** The certificate revocation list (CRL) of the issuing CA: published after every revocation, or on demand. */
public interface CrlDesk {

	/** Signs and publishes a new CRL of every revoked certificate (the administrator's job). */
	Published publish(Actor admin) throws ServiceException;

	/** One publication: its CRL number, entries, time and the DER file relying parties fetch. */
	record Published(long number, int entries, Instant thisUpdate, String file) {
	}
}

package radesk.api;

import java.util.List;

import radesk.core.access.Actor;
import radesk.core.card.KeyKind;

/** 憑證申請 and 憑證下載: the subscriber's certificate on the subscriber's card. */
public interface CertificateDesk {

	/**
	 * Applies for a certificate: key pair made on the card, request signed on the card, certificate
	 * issued and written to the card. When an earlier attempt on this card was cut off, this
	 * resumes it (the same key, the same certificate) instead of starting over.
	 */
	IssuedCertificate apply(Actor subscriber, String cardSerial, char[] pin, KeyKind kind) throws ServiceException;

	/** Writes an issued certificate onto the card that holds its key (and only that card). */
	IssuedCertificate download(Actor subscriber, String certificateSerial, String cardSerial, char[] pin)
			throws ServiceException;

	/** The subscriber's certificates, newest expiry first. */
	List<IssuedCertificate> certificates(Actor subscriber) throws ServiceException;
}

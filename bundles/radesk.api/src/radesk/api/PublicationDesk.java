package radesk.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What relying parties fetch over plain HTTP at the URLs written into certificates: the issuing
 * CA's current CRL, the CA certificates, and OCSP answers. Served by the RA server itself (not a
 * remote desk: the files and the responder's key are the server's own).
 */
public interface PublicationDesk {

	/** The largest OCSP request read (one certificate asks for about 100 bytes); a longer one is answered malformedRequest. */
	int MAX_OCSP_REQUEST = 4096;

	/** The CRL being served: its file (DER), number, validity, and when it is made again at the latest. */
	record Crl(Path file, long number, Instant thisUpdate, Instant nextUpdate, Instant refreshBy) {
	}

	/** An OCSP answer (an OCSPResponse, DER); thisUpdate/nextUpdate are null for an error answer, which no one may cache. */
	record OcspAnswer(byte[] der, Instant thisUpdate, Instant nextUpdate) {
	}

	/**
	 * The current CRL; made anew first when there is none yet, it is older than its schedule, or a
	 * certificate's status changed since it was made — so a stale CRL is never handed out.
	 */
	Crl currentCrl() throws ServiceException;

	/** The certificate of the issuing CA ({@code issuing}) or the root ({@code root}), DER; empty for any other name. */
	Optional<byte[]> caCertificate(String name);

	/** Answers an OCSP request (DER, RFC 6960); never fails: what is wrong is an OCSP error status. */
	OcspAnswer ocsp(byte[] request);

	/** The scheduled work: the CRL made again when due, the responder's certificate renewed when due. */
	void refresh() throws ServiceException;

	/** The public base URL written into new certificates (CRL, CA certificate and OCSP URLs are below it). */
	String publicBase();
}

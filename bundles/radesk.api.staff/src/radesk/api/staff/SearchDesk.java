package radesk.api.staff;

import radesk.api.ServiceException;

import java.util.List;

import radesk.core.access.Actor;

/** 查詢: subscribers, requests, cards and certificates by what the counter has in hand. */
public interface SearchDesk {

	/**
	 * Finds records whose ID number, name, account, card serial, certificate serial or
	 * 憑證識別碼 starts with {@code text}; at most {@code limit} hits, answering as one types.
	 */
	List<SearchHit> search(Actor staff, String text, int limit) throws ServiceException;

	enum Kind {
		SUBSCRIBER, REQUEST, CARD, CERTIFICATE
	}

	/**
	 * One hit: which record, its key (id or serial), its name, its state (the constant of the
	 * record's state machine, empty for subscribers) and a detail line (masked ID or account).
	 */
	record SearchHit(Kind kind, String key, String title, String state, String detail) {
	}

	/**
	 * 用戶資料: the whole story of the person a hit belongs to — the registration requests, cards,
	 * certificates and forms, and every audit entry about any of them (slips printed, hand-overs,
	 * decisions, log-ins), oldest first. A request not yet registered tells its own story.
	 */
	Story story(Actor staff, Kind kind, String key) throws ServiceException;

	record Story(String name, String maskedNationalId, String account, List<RegistrationSummary> requests, List<CardLine> cards,
			List<CertificateLine> certificates, List<NoticeLine> notices, List<String> forms,
			List<radesk.core.audit.AuditEntry> entries) {
	}

	record CardLine(String serial, String state) {
	}

	/** A certificate; {@code renews}: the serial of the certificate it renewed (憑證展期), or null. */
	record CertificateLine(String serial, String identifier, String state, java.time.Instant notAfter, String renews) {
	}

	/**
	 * A 憑證展期通知 about one of the person's certificates: its stage (days before the end), its state
	 * in the outbox (QUEUED, SENDING, IN_DOUBT, SENT, FAILED, BOUNCED, CANCELLED), the address, when
	 * made and sent, the tries and the last answer. {@code id} is what a re-send names.
	 */
	record NoticeLine(long id, String certificateSerial, String identifier, int stage, String state, String recipient,
			java.time.Instant createdAt, java.time.Instant sentAt, int attempts, String lastError) {
	}
}

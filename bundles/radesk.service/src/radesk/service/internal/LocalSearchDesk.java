package radesk.service.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.RegistrationSummary;
import radesk.api.staff.SearchDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.store.AuditRecords;
import radesk.store.CardRow;
import radesk.store.Cards;
import radesk.store.CertificateRow;
import radesk.store.Certificates;
import radesk.store.Database;
import radesk.store.FormRow;
import radesk.store.Notices;
import radesk.store.Forms;
import radesk.store.RequestRow;
import radesk.store.Requests;
import radesk.store.SearchRecords;
import radesk.store.SubscriberRow;
import radesk.store.Subscribers;

/** Search for the counter: each kind of record by the fields people read off a form or a card. */
@Component(service = SearchDesk.class)
public final class LocalSearchDesk implements SearchDesk {

	private static final int MAX = 200;

	private final Database db;

	private static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";

	@Activate
	public LocalSearchDesk(@Reference Database db) {
		this.db = db;
	}

	@Override
	public List<SearchHit> search(Actor staff, String text, int limit) throws ServiceException {
		Guard.require(staff, Permission.SEARCH);
		String q = text == null ? "" : text.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		int n = Math.max(1, Math.min(limit, MAX));
		return db.read((Connection c) -> {
			List<SearchHit> hits = new ArrayList<>();
			for (SearchRecords.Hit h : SearchRecords.find(c, q, q.toUpperCase(Locale.ROOT), q.toLowerCase(Locale.ROOT), n)) {
				hits.add(new SearchHit(Kind.valueOf(h.kind()), h.key(), h.title(), h.state(), h.detail()));
			}
			return hits.size() > n ? hits.subList(0, n) : hits;
		});
	}

	@Override
	public Story story(Actor staff, Kind kind, String key) throws ServiceException {
		Guard.require(staff, Permission.SEARCH);
		return db.inTransaction((Connection c) -> {
			Long subscriberId = switch (kind) {
			case SUBSCRIBER -> Long.valueOf(key);
			case REQUEST -> Requests.find(c, Long.parseLong(key)).orElseThrow(() -> Guard.notFound("request " + key)).subscriberId();
			case CARD -> Cards.find(c, key).orElseThrow(() -> Guard.notFound("card " + key)).subscriberId();
			case CERTIFICATE -> Certificates.find(c, key).orElseThrow(() -> Guard.notFound("certificate " + key)).subscriberId();
			};
			java.util.Optional<SubscriberRow> subscriber = subscriberId == null ? java.util.Optional.empty()
					: Subscribers.find(c, subscriberId);
			List<RequestRow> requests = subscriber.isPresent() ? Requests.byNationalId(c, subscriber.get().nationalId())
					: List.of(Requests.find(c, Long.parseLong(key)).orElseThrow());
			List<CardRow> cards = subscriber.isPresent() ? Cards.ofSubscriber(c, subscriber.get().id()) : List.of();
			List<CertificateRow> certificates = subscriber.isPresent() ? Certificates.ofSubscriber(c, subscriber.get().id()) : List.of();
			java.util.Set<String> subjects = new java.util.LinkedHashSet<>();
			requests.forEach(r -> subjects.add("request:" + r.id()));
			subscriber.ifPresent(s -> subjects.add("subscriber:" + s.id()));
			cards.forEach(k -> subjects.add("card:" + k.serial()));
			certificates.forEach(k -> subjects.add("certificate:" + k.serial()));
			List<NoticeLine> notices = new ArrayList<>();
			java.util.Map<String, String> renews = new java.util.HashMap<>();
			for (CertificateRow k : certificates) {
				Certificates.renewedBy(c, k.serial()).ifPresent(old -> renews.put(k.serial(), old));
				for (Notices.Row n : Notices.ofCertificate(c, k.serial())) {
					notices.add(new NoticeLine(n.id(), n.certificateSerial(), k.identifier(), n.stage(), n.state().name(), n.recipient(),
							n.createdAt(), n.sentAt(), n.attempts(), n.lastError()));
					subjects.add("notice:" + n.id());
				}
			}
			java.util.Set<String> formSubjects = new java.util.LinkedHashSet<>();
			subscriber.ifPresent(s -> formSubjects.add(s.account()));
			cards.forEach(k -> formSubjects.add(k.serial()));
			certificates.forEach(k -> formSubjects.add(k.serial()));
			List<String> forms = new ArrayList<>();
			for (FormRow f : Forms.about(c, formSubjects)) {
				subjects.add("form:" + f.id());
				forms.add(f.id() + " " + f.kind() + " " + f.state());
			}
			RequestRow first = requests.get(requests.size() - 1);
			String name = subscriber.map(SubscriberRow::name).orElse(first.applicantName());
			String id = subscriber.map(SubscriberRow::nationalId).orElse(first.nationalId());
			Story story = new Story(name, RegistrationSummary.mask(id), subscriber.map(SubscriberRow::account).orElse(""),
					requests.stream().map(r -> new RegistrationSummary(r.id(), r.channel(), r.state(), r.applicantName(), r.nationalId(),
							r.email(), r.raUnit(), r.receivedAt()).masked()).toList(),
					cards.stream().map(k -> new CardLine(k.serial(), k.state().name())).toList(),
					certificates.stream().map(k -> new CertificateLine(k.serial(), k.identifier(), k.state().name(), k.notAfter(),
							renews.get(k.serial()))).toList(),
					notices,
					// the story of the person's records; who read them is the audit's business, not the story's
					forms, AuditRecords.aboutAll(c, subjects).stream().filter(e -> !e.action().equals(PERSONAL_DATA_READ)).toList());
			// a member of staff read a person's data: on the record, as every other access
			AuditRecords.append(c, staff, PERSONAL_DATA_READ, subscriber.map(s -> "subscriber:" + s.id()).orElse("request:" + first.id()),
					null, kind + " " + key, java.time.Instant.now());
			return story;
		});
	}

}

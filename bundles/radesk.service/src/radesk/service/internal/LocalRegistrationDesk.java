package radesk.service.internal;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.registration.Channel;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.RaUnit;
import radesk.core.registration.RegistrationFlow;
import radesk.core.registration.RequestEvent;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.store.AuditRecords;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.RegistrationRecords;
import radesk.store.RequestRow;
import radesk.store.Requests;
import radesk.store.Subscribers;

/** Intake, review and registration in this process, each in one audited transaction. */
@Component(service = RegistrationDesk.class)
public final class LocalRegistrationDesk implements RegistrationDesk {

	private final Database db;
	private final RegistrationRecords records;
	private final EmbeddedRa ra;

	/** The confirmation codes of new registrations, mailed one after another beside the counter's work. */
	private static final java.util.concurrent.ExecutorService CODES = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "radesk-confirmation-codes");
		t.setDaemon(true);
		return t;
	});

	@Activate
	public LocalRegistrationDesk(@Reference Database db, @Reference RegistrationRecords records, @Reference EmbeddedRa ra) {
		this.db = db;
		this.records = records;
		this.ra = ra;
	}

	@Override
	public RegistrationSummary submitWalkIn(Actor clerk, WalkInForm form) throws InvalidFormException, ServiceException {
		Guard.require(clerk, Permission.INTAKE_COUNTER);
		// at the counter the documents are in hand: the form is checked with them
		java.util.List<radesk.core.registration.FieldProblem> problems = new java.util.ArrayList<>(
				form.problems(records.raUnits().stream().map(RaUnit::code).collect(Collectors.toSet())));
		problems.addAll(form.documentProblems());
		if (!problems.isEmpty()) {
			throw new InvalidFormException(problems);
		}
		return submit(clerk, form, Channel.COUNTER);
	}

	@Override
	public RegistrationSummary submitPostal(Actor mailroom, WalkInForm form) throws InvalidFormException, ServiceException {
		Guard.require(mailroom, Permission.INTAKE_POSTAL);
		return submit(mailroom, form, Channel.POSTAL);
	}

	private RegistrationSummary submit(Actor actor, WalkInForm form, Channel channel) throws InvalidFormException, ServiceException {
		Set<String> units = records.raUnits().stream().map(RaUnit::code).collect(Collectors.toSet());
		form.validate(units);
		RequestState state = RegistrationFlow.initialState(channel);
		Instant now = ra.clock.instant();
		long id = db.inTransaction((Connection c) -> {
			if (Requests.hasOpenRequest(c, form.nationalId()) || Subscribers.byNationalId(c, form.nationalId()).isPresent()) {
				throw new ServiceException(Reason.DUPLICATE_REGISTRATION, "ID number already registered or pending");
			}
			long newId = Requests.insert(c, form, channel, state, actor.account(), actor.workstation(), now);
			AuditRecords.append(c, actor, "REQUEST_SUBMITTED", "request:" + newId, null, channel + " " + state, now);
			return newId;
		});
		return new RegistrationSummary(id, channel, state, form.name(), form.nationalId(), form.email(), form.raUnit(), now);
	}

	@Override
	public void startReview(Actor mailroom, long requestId) throws ServiceException {
		Guard.require(mailroom, Permission.INTAKE_POSTAL);
		move(mailroom, requestId, RequestEvent.START_REVIEW, "REQUEST_IN_REVIEW");
	}

	private void move(Actor actor, long requestId, RequestEvent event, String action) throws ServiceException {
		Instant now = ra.clock.instant();
		try {
			db.inTransaction((Connection c) -> {
				RequestRow row = request(c, requestId);
				RequestState to = next(row.state(), event);
				Requests.move(c, row, to);
				AuditRecords.append(c, actor, action, "request:" + requestId, row.state(), to, now);
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	@Override
	public java.util.List<radesk.api.staff.ReviewItem> queue(Actor officer, String raUnit, Channel channel,
			java.time.Duration minimumAge) throws ServiceException {
		Guard.require(officer, Permission.REVIEW);
		Instant before = minimumAge == null ? null : ra.clock.instant().minus(minimumAge);
		return db.inTransaction((Connection c) -> Requests.inReview(c, raUnit, channel, before, 500).stream()
				.map(r -> new radesk.api.staff.ReviewItem(new RegistrationSummary(r.id(), r.channel(), r.state(), r.applicantName(),
						r.nationalId(), r.email(), r.raUnit(), r.receivedAt()), r.submittedBy(),
						officer.account().equalsIgnoreCase(String.valueOf(r.submittedBy())), Requests.form(r)))
				.toList());
	}

	@Override
	public void decide(Actor officer, long requestId, Decision decision) throws ServiceException {
		Guard.require(officer, Permission.REVIEW);
		Instant now = ra.clock.instant();
		try {
			db.inTransaction((Connection c) -> {
				RequestRow row = request(c, requestId);
				Guard.dualControl(row.submittedBy(), officer);
				RequestState to = next(row.state(), decision.approved() ? RequestEvent.APPROVE : RequestEvent.REJECT);
				Requests.decide(c, row, to, officer.account(), decision.reason().orElse(null), now);
				AuditRecords.append(c, officer, decision.approved() ? "REQUEST_APPROVED" : "REQUEST_REJECTED",
						"request:" + requestId, row.state(), to + decision.reason().map(r -> " (" + r + ")").orElse(""), now);
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	@Override
	public NewSubscriber register(Actor clerk, long requestId) throws ServiceException {
		Guard.require(clerk, Permission.REGISTER_SUBSCRIBER);
		char[] password = WebsitePasswords.next(ra.random);
		String hash = ra.hasher.hash(password);
		Instant now = ra.clock.instant();
		NewSubscriber registered;
		try {
			registered = db.inTransaction((Connection c) -> {
				RequestRow row = request(c, requestId);
				next(row.state(), RequestEvent.REGISTER);
				String account = freeAccount(c);
				long subscriberId = Subscribers.insert(c, row, account, pseudonym(row.nationalId()), hash, now);
				Requests.registered(c, row, subscriberId);
				AuditRecords.append(c, clerk, "SUBSCRIBER_REGISTERED", "subscriber:" + subscriberId, null,
						"account " + account + " from request " + requestId, now);
				return new NewSubscriber(subscriberId, account, password);
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
		// the address is confirmed with a mailed code before notices go to it or a certificate names it; a
		// registration never waits on the mail server (the code goes out beside it): without mail, or with the
		// mail server down, the code is asked for again later
		String account = registered.account();
		CODES.execute(() -> {
			try {
				new LocalEmailDesk(db, ra).sendCode(clerk, account);
			} catch (ServiceException e) {
				System.getLogger(LocalRegistrationDesk.class.getName()).log(System.Logger.Level.INFO,
						"no confirmation code mailed at registration of " + account + ": " + e.reason());
			} catch (RuntimeException e) {
				System.getLogger(LocalRegistrationDesk.class.getName()).log(System.Logger.Level.ERROR,
						"the confirmation code of " + account + " failed", e);
			}
		});
		return registered;
	}

	private String pseudonym(String nationalId) throws ServiceException {
		try {
			return ra.secrets.pseudonym(nationalId);
		} catch (GeneralSecurityException e) {
			throw new ServiceException(Reason.WRONG_STATE, "the RA key is unusable: " + e.getMessage());
		}
	}

	private String freeAccount(Connection c) throws SQLException {
		while (true) {
			String account = String.format("ra%08d", ra.random.nextInt(100_000_000));
			if (Subscribers.byAccount(c, account).isEmpty()) {
				return account;
			}
		}
	}

	private static RequestRow request(Connection c, long id) throws SQLException, ServiceException {
		return Requests.find(c, id).orElseThrow(() -> Guard.notFound("request " + id));
	}

	private static RequestState next(RequestState from, RequestEvent event) throws ServiceException {
		return Guard.next(RegistrationFlow.TRANSITIONS, from, event);
	}
}

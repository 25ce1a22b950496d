package radesk.wire.staff;

import radesk.wire.Nullable;
import radesk.wire.Route;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import radesk.api.staff.CardSecrets;
import radesk.api.staff.CrlDesk;
import radesk.api.staff.FormDesk.FormItem;
import radesk.api.staff.IssuanceDesk.Delivery;
import radesk.api.staff.IssuanceDesk.Issuance;
import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.api.staff.MailroomDesk.ImportReport;
import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationSummary;
import radesk.api.staff.ReviewItem;
import radesk.api.staff.SearchDesk;
import radesk.api.staff.StaffDesk.StaffMember;
import radesk.core.access.Role;
import radesk.core.audit.AuditEntry;
import radesk.core.registration.Channel;
import radesk.core.registration.RaUnit;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;

/**
 * The staff API of a counter workstation in connected mode: one route per use case, each a
 * {@code POST} whose JSON body is one of the records below (queries too, so that names and ID
 * numbers searched for never reach a URL or the request log). The signed-in person is the
 * session's, never a field of a body. Card work (personalizing, unlocking a PIN) happens at the
 * workstation's reader: only its records' halves have routes. See {@code api/openapi.yaml}.
 */
public final class StaffApi {

	private StaffApi() {
	}

	/** A route without fields. */
	public record Nothing() {
	}

	/** What a route that changes something answers when it has nothing to tell. */
	public record Done() {
	}

	public record Account(String account) {
	}

	public record GrantRole(String account, Role role) {
	}

	public record AddStaff(String account, String displayName, Role role, char[] password) {
	}

	public record ResetStaffPassword(String account, char[] password) {
	}

	public record AddUnit(RaUnit unit) {
	}

	public record Form(WalkInForm form) {
	}

	public record Limit(int limit) {
	}

	public record RequestId(long requestId) {
	}

	/** Each filter left out or null means all: every RA unit, both channels, any age. */
	public record ReviewQueue(@Nullable String raUnit, @Nullable Channel channel, @Nullable Duration minimumAge) {
	}

	public record DecideRequest(long requestId, Decision decision) {
	}

	public record Csv(String csv) {
	}

	public record Slip(SlipKind kind, String subject) {
	}

	public record HandOver(String cardSerial, Delivery delivery) {
	}

	public record PinUnlock(String cardSerial, @Nullable String note) {
	}

	public record PasswordReset(String account, @Nullable String note) {
	}

	public record Revocation(String certificate, RevocationReason reason, @Nullable String note) {
	}

	public record FormId(long formId) {
	}

	public record DecideForm(long formId, Decision decision) {
	}

	public record FormsIn(FormState state) {
	}

	public record Search(String text, int limit) {
	}

	public record Story(SearchDesk.Kind kind, String key) {
	}

	public record Subject(String subject) {
	}

	public record SubscriberId(long subscriberId) {
	}

	public record CardSerial(String cardSerial) {
	}

	/** A card written in the workstation's reader, with the public key of the authentication key it made. */
	public record Personalized(String cardSerial, byte[] authenticationKey) {
	}

	/** A PIN unlock carried out, with the public key of the card's authentication key (made now on an older card). */
	public record PinUnlocked(long formId, byte[] authenticationKey) {
	}

	public record Verified(Optional<AuditEntry> firstBroken) {
	}

	public record Printed(boolean printed) {
	}

	/** An audit anchor's text (empty for an empty trail). */
	public record Anchor(String text) {
	}

	public record Id(long id) {
	}

	// 系統管理: staff, roles and RA units
	public static final Route<GrantRole, Done> GRANT_ROLE = Route.staff("staff/roles/grant", GrantRole.class, new TypeReference<>() {
	});
	public static final Route<AddStaff, Done> ADD_STAFF = Route.staff("staff/members/add", AddStaff.class, new TypeReference<>() {
	});
	public static final Route<ResetStaffPassword, Done> RESET_STAFF_PASSWORD = Route.staff("staff/members/password",
			ResetStaffPassword.class, new TypeReference<>() {
			});
	public static final Route<Nothing, List<StaffMember>> STAFF = Route.staff("staff/members/list", Nothing.class,
			new TypeReference<>() {
			});
	public static final Route<AddUnit, Done> ADD_RA_UNIT = Route.staff("staff/ra-units/add", AddUnit.class, new TypeReference<>() {
	});

	// 臨櫃申請: the RA units (public), walk-in forms, the newest requests
	public static final Route<Nothing, List<RaUnit>> RA_UNITS = new Route<>("staff/ra-units/list", Nothing.class,
			new TypeReference<>() {
			}, true, false);
	public static final Route<Form, RegistrationSummary> SUBMIT_WALK_IN = Route.staff("staff/registrations/walk-in", Form.class,
			new TypeReference<>() {
			});
	public static final Route<Limit, List<RegistrationSummary>> RECENT_REQUESTS = Route.staff("staff/registrations/recent",
			Limit.class, new TypeReference<>() {
			});

	// 郵寄申請 and 審核: postal forms, the review queue, decisions, registration
	public static final Route<Form, RegistrationSummary> SUBMIT_POSTAL = Route.staff("staff/registrations/postal", Form.class,
			new TypeReference<>() {
			});
	public static final Route<Csv, ImportReport> IMPORT_POSTAL = new Route<>("staff/registrations/postal-import", Csv.class,
			new TypeReference<>() {
			}, false, true);
	public static final Route<RequestId, Done> START_REVIEW = Route.staff("staff/reviews/start", RequestId.class,
			new TypeReference<>() {
			});
	public static final Route<ReviewQueue, List<ReviewItem>> REVIEW_QUEUE = Route.staff("staff/reviews/queue", ReviewQueue.class,
			new TypeReference<>() {
			});
	public static final Route<DecideRequest, Done> DECIDE_REQUEST = Route.staff("staff/reviews/decide", DecideRequest.class,
			new TypeReference<>() {
			});
	public static final Route<RequestId, NewSubscriber> REGISTER = Route.staff("staff/registrations/register", RequestId.class,
			new TypeReference<>() {
			});

	// 製卡與交付: personalizing (the records' halves), slips, hand-over
	public static final Route<Nothing, List<Issuance>> PENDING_ISSUANCES = Route.staff("staff/issuance/pending", Nothing.class,
			new TypeReference<>() {
			});
	public static final Route<SubscriberId, CardSecrets> BEGIN_PERSONALIZATION = Route.staff("staff/cards/personalization/begin",
			SubscriberId.class, new TypeReference<>() {
			});
	public static final Route<Personalized, Done> CONFIRM_PERSONALIZED = Route.staff("staff/cards/personalization/confirm",
			Personalized.class, new TypeReference<>() {
			});
	public static final Route<Slip, Done> SLIP_PRINTED = Route.staff("staff/issuance/slip-printed", Slip.class,
			new TypeReference<>() {
			});
	public static final Route<Slip, Printed> IS_SLIP_PRINTED = Route.staff("staff/issuance/slip-status", Slip.class,
			new TypeReference<>() {
			});
	public static final Route<HandOver, Done> HAND_OVER = Route.staff("staff/issuance/hand-over", HandOver.class,
			new TypeReference<>() {
			});

	// 申請表單: PIN unlock, password reset, revocation
	public static final Route<PinUnlock, Id> SUBMIT_PIN_UNLOCK = Route.staff("staff/forms/pin-unlock", PinUnlock.class,
			new TypeReference<>() {
			});
	public static final Route<PasswordReset, Id> SUBMIT_PASSWORD_RESET = Route.staff("staff/forms/password-reset",
			PasswordReset.class, new TypeReference<>() {
			});
	public static final Route<Revocation, Id> SUBMIT_REVOCATION = Route.staff("staff/forms/revocation", Revocation.class,
			new TypeReference<>() {
			});
	public static final Route<DecideForm, Done> DECIDE_FORM = Route.staff("staff/forms/decide", DecideForm.class,
			new TypeReference<>() {
			});
	public static final Route<FormsIn, List<FormItem>> FORMS = Route.staff("staff/forms/list", FormsIn.class,
			new TypeReference<>() {
			});
	public static final Route<FormId, CardSecrets> BEGIN_PIN_UNLOCK = Route.staff("staff/forms/pin-unlock/begin", FormId.class,
			new TypeReference<>() {
			});
	public static final Route<PinUnlocked, Done> CONFIRM_PIN_UNLOCK = Route.staff("staff/forms/pin-unlock/confirm", PinUnlocked.class,
			new TypeReference<>() {
			});
	public static final Route<FormId, NewSubscriber> CARRY_OUT_PASSWORD_RESET = Route.staff("staff/forms/password-reset/carry-out",
			FormId.class, new TypeReference<>() {
			});

	// 查詢 and 稽核
	public static final Route<Search, List<SearchDesk.SearchHit>> SEARCH = Route.staff("staff/search", Search.class,
			new TypeReference<>() {
			});
	public static final Route<Story, SearchDesk.Story> STORY = Route.staff("staff/search/story", Story.class,
			new TypeReference<>() {
			});
	public static final Route<Nothing, Verified> VERIFY_AUDIT = Route.staff("staff/audit/verify", Nothing.class,
			new TypeReference<>() {
			});
	public static final Route<Subject, List<AuditEntry>> AUDIT_ABOUT = Route.staff("staff/audit/about", Subject.class,
			new TypeReference<>() {
			});
	public static final Route<Nothing, Anchor> ANCHOR_AUDIT = Route.staff("staff/audit/anchor", Nothing.class,
			new TypeReference<>() {
			});
	public static final Route<Nothing, CrlDesk.Published> PUBLISH_CRL = Route.staff("staff/crl/publish", Nothing.class,
			new TypeReference<>() {
			});

	/** Every route of the staff API, for the server's table and the documentation test. */
	public static final List<Route<?, ?>> ALL = List.of(GRANT_ROLE, ADD_STAFF, RESET_STAFF_PASSWORD, STAFF, ADD_RA_UNIT,
			StaffCardsApi.BEGIN_STAFF_CARD, StaffCardsApi.CERTIFY_STAFF_CARD, StaffCardsApi.CONFIRM_STAFF_CARD,
			StaffCardsApi.REVOKE_STAFF_CARD, StaffCardsApi.SIGN_IN_CHALLENGE, MailApi.EMAIL_CODE, MailApi.EMAIL_CONFIRM,
			MailApi.EMAIL_ADDRESS, MailApi.EMAIL_LANGUAGE, MailApi.NOTICES_RUN, MailApi.NOTICES_DUE, HoldApi.SUSPEND, HoldApi.RESUME,
			MailApi.RENEWALS_DUE, MailApi.NOTICE_RESEND, RA_UNITS,
			SUBMIT_WALK_IN, RECENT_REQUESTS, SUBMIT_POSTAL, IMPORT_POSTAL, START_REVIEW, REVIEW_QUEUE, DECIDE_REQUEST, REGISTER,
			PENDING_ISSUANCES, BEGIN_PERSONALIZATION, CONFIRM_PERSONALIZED, SLIP_PRINTED, IS_SLIP_PRINTED, HAND_OVER,
			SUBMIT_PIN_UNLOCK, SUBMIT_PASSWORD_RESET, SUBMIT_REVOCATION, DECIDE_FORM, FORMS, BEGIN_PIN_UNLOCK, CONFIRM_PIN_UNLOCK,
			CARRY_OUT_PASSWORD_RESET, SEARCH, STORY, VERIFY_AUDIT, AUDIT_ABOUT, ANCHOR_AUDIT, PUBLISH_CRL);
}

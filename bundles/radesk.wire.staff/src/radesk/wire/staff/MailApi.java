package radesk.wire.staff;

import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import radesk.wire.Route;
import radesk.wire.staff.StaffApi.Account;
import radesk.wire.staff.StaffApi.Done;
import radesk.wire.staff.StaffApi.Nothing;

/** The staff API's routes of 電子郵件確認 and 憑證展期通知; part of {@link StaffApi#ALL}. */
public final class MailApi {

	private MailApi() {
	}

	public record EmailCode(String account, String code) {
	}

	public record Language(String account, String language) {
	}

	/** 展期到期清單: an RA unit's code ("" for every unit) and a month, "2027-01". */
	public record DueQuery(String raUnit, java.time.YearMonth month) {
	}

	public record Resend(long notice) {
	}

	public static final Route<Account, Done> EMAIL_CODE = Route.staff("staff/email/code", Account.class, new TypeReference<>() {
	});
	public static final Route<EmailCode, Done> EMAIL_CONFIRM = Route.staff("staff/email/confirm", EmailCode.class,
			new TypeReference<>() {
			});
	public static final Route<Account, radesk.api.EmailDesk.Address> EMAIL_ADDRESS = Route.staff("staff/email/address", Account.class,
			new TypeReference<>() {
			});
	public static final Route<Language, Done> EMAIL_LANGUAGE = Route.staff("staff/email/language", Language.class,
			new TypeReference<>() {
			});
	public static final Route<Nothing, radesk.api.staff.NoticeDesk.Report> NOTICES_RUN = Route.staff("staff/notices/run",
			Nothing.class, new TypeReference<>() {
			});
	public static final Route<DueQuery, radesk.api.staff.NoticeDesk.DueList> RENEWALS_DUE = Route.staff("staff/renewals/due",
			DueQuery.class, new TypeReference<>() {
			});
	public static final Route<Resend, Done> NOTICE_RESEND = Route.staff("staff/notices/resend", Resend.class, new TypeReference<>() {
	});
	public static final Route<Nothing, List<radesk.api.staff.NoticeDesk.Due>> NOTICES_DUE = Route.staff("staff/notices/due",
			Nothing.class, new TypeReference<>() {
			});
}

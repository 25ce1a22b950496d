package radesk.remote;

import radesk.api.staff.AuditTrail;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.CrlDesk;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.MailroomDesk;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.SearchDesk;
import radesk.api.staff.StaffDesk;

/** The service interfaces a connected counter's screens use, each answered through the staff API's routes. */
public final class RemoteDesks {

	private RemoteDesks() {
	}

	public static StaffDesk staff(ServerConnection server) {
		return new RemoteStaffDesk(server);
	}

	public static CounterIntake intake(ServerConnection server) {
		return new RemoteCounterIntake(server);
	}

	public static RegistrationDesk registration(ServerConnection server) {
		return new RemoteRegistrationDesk(server);
	}

	public static MailroomDesk mailroom(ServerConnection server) {
		return new RemoteMailroomDesk(server);
	}

	public static IssuanceDesk issuance(ServerConnection server) {
		return new RemoteIssuanceDesk(server);
	}

	public static SearchDesk search(ServerConnection server) {
		return RemoteRecordsDesks.search(server);
	}

	public static AuditTrail audit(ServerConnection server) {
		return RemoteRecordsDesks.audit(server);
	}

	/** 晶片卡個人化's records on the server. */
	public static radesk.api.staff.CardDesk cards(ServerConnection server) {
		return new RemoteCardDesk(server);
	}

	/** 員工卡's records on the server. */
	public static radesk.api.staff.StaffCardDesk staffCards(ServerConnection server) {
		return new RemoteStaffCardDesk(server);
	}

	/** 申請表單 on the server. */
	public static radesk.api.staff.FormDesk forms(ServerConnection server) {
		return new RemoteFormDesk(server);
	}

	/** 憑證展期通知 on the server: the due list, a re-send. */
	public static radesk.api.staff.NoticeDesk notices(ServerConnection server) {
		return new RemoteNoticeDesk(server);
	}

	/** 暫禁 and 恢復使用 on the server. */
	public static radesk.api.staff.SuspensionDesk holds(ServerConnection server) {
		return new RemoteSuspensionDesk(server);
	}

	public static CrlDesk crl(ServerConnection server) {
		return RemoteRecordsDesks.crl(server);
	}
}

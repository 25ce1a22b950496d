package radesk.remote;

import radesk.api.AuditTrail;
import radesk.api.CounterIntake;
import radesk.api.CrlDesk;
import radesk.api.IssuanceDesk;
import radesk.api.MailroomDesk;
import radesk.api.RegistrationDesk;
import radesk.api.SearchDesk;
import radesk.api.StaffDesk;

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

	/** 晶片卡個人化: the records on the server, the card in {@code terminal} at this workstation. */
	public static radesk.api.CardDesk cards(ServerConnection server, radesk.card.CardTerminal terminal) {
		return new RemoteCardDesk(server, terminal);
	}

	/** 申請表單: the forms on the server, a PIN unlock's card in {@code terminal} at this workstation. */
	public static radesk.api.FormDesk forms(ServerConnection server, radesk.card.CardTerminal terminal) {
		return new RemoteFormDesk(server, terminal);
	}

	public static CrlDesk crl(ServerConnection server) {
		return RemoteRecordsDesks.crl(server);
	}
}

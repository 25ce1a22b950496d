package radesk.service.tests;

import java.util.Base64;

import radesk.api.staff.StaffCardDesk;
import radesk.api.staff.StaffDesk;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.flows.counter.IssueStaffCard;
import radesk.flows.counter.StaffCardSignIn;
import radesk.remote.RemoteDesks;
import radesk.remote.ServerConnection;

/**
 * A member of staff holding their staff card: a blank SoftHSM2 card of this test run issued to
 * them by the administrator through the counter's flow, and their sign-ins with it over the
 * server's staff API (through a connected counter's connection, or as raw JSON).
 */
record StaffCardHolder(String account, char[] password, String cardSerial, String pin) {

	static final String PIN = "135790";

	/** The account's staff card, issued by the test database's administrator at this workstation's reader. */
	static StaffCardHolder issue(String account, char[] password) throws Exception {
		return issue(Staff.administrator(), account, password);
	}

	static StaffCardHolder issue(Actor administrator, String account, char[] password) throws Exception {
		String serial = new IssueStaffCard(Services.await(StaffCardDesk.class), terminal()).run(administrator, account,
				Journey.blankSlot(), PIN.toCharArray(), step -> {
				});
		return new StaffCardHolder(account, password.clone(), serial, PIN);
	}

	static CardTerminal terminal() throws Exception {
		return Services.await(CardTerminal.class);
	}

	/** Signs in through a connected counter's connection with the card and the password. */
	Actor signIn(ServerConnection server, Role as, String workstation) throws Exception {
		return new StaffCardSignIn(RemoteDesks.staff(server), terminal()).run(account, password.clone(), as, workstation, cardSerial,
				pin.toCharArray());
	}

	Actor signIn(ServerConnection server, String workstation) throws Exception {
		return signIn(server, null, workstation);
	}

	/** The JSON body of {@code POST /staff/sessions} with a fresh challenge of the server signed by the card. */
	String signInBody(String workstation) throws Exception {
		return signInBody(new String(password), workstation);
	}

	String signInBody(String password, String workstation) throws Exception {
		String answer = ServerApiTest.post("staff/sign-in/challenge", "{}", null).body();
		byte[] challenge = Base64.getDecoder().decode(ServerApiTest.field(answer, "challenge"));
		StaffDesk.StaffCardProof proof = StaffCardSignIn.answer(terminal(), account, cardSerial, pin.toCharArray(), challenge);
		Base64.Encoder b64 = Base64.getEncoder();
		return "{\"account\":\"" + account + "\",\"password\":\"" + password + "\",\"workstation\":\"" + workstation
				+ "\",\"cardSerial\":\"" + cardSerial + "\",\"challenge\":\"" + b64.encodeToString(proof.challenge())
				+ "\",\"cardSignature\":\"" + b64.encodeToString(proof.signature()) + "\"}";
	}

	/** Signs in over raw HTTP; the session's token. */
	String token(String workstation) throws Exception {
		var in = ServerApiTest.post("staff/sessions", signInBody(workstation), null);
		if (in.statusCode() != 200) {
			throw new AssertionError("staff sign-in with the card refused: " + in.body());
		}
		return ServerApiTest.field(in.body(), "token");
	}

}

package radesk.api.staff;

/**
 * What a card at the counter is to be given, from the RA's records: its serial, its SO PIN and a
 * new user PIN. The SO PIN leaves the RA's keeping only to be written to (or to unlock) the card
 * in the workstation's reader; both PINs are wiped once the card has them (the user PIN goes on
 * to its slip).
 */
public record CardSecrets(String serial, char[] soPin, char[] userPin) {

	public void forgetSoPin() {
		java.util.Arrays.fill(soPin, '\0');
	}
}

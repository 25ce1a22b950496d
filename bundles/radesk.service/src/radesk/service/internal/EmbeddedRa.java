package radesk.service.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import radesk.core.DataFolder;
import radesk.pki.CaProfile;
import radesk.pki.EmbeddedCa;
import radesk.pki.PasswordHasher;

/** What every use case of the embedded RA shares: the CA, the RA's secrets, randomness and time. */
@Component(service = EmbeddedRa.class)
public final class EmbeddedRa {

	final SecureRandom random = new SecureRandom();
	final Clock clock = Clock.systemUTC();
	final EmbeddedCa ca;
	final RaSecrets secrets;
	final PasswordHasher hasher = new PasswordHasher(random);

	@Activate
	public EmbeddedRa() throws IOException, GeneralSecurityException {
		this.ca = EmbeddedCa.open(DataFolder.resolve().resolve("ca"), CaProfile.demo());
		this.secrets = RaSecrets.openOrCreate(DataFolder.resolve().resolve("ra"), random);
	}
}

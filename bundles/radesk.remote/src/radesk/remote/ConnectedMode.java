package radesk.remote;

import radesk.client.ServerSettings;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import radesk.api.staff.AuditTrail;
import radesk.api.staff.CardDesk;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.CrlDesk;
import radesk.api.staff.FormDesk;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.MailroomDesk;
import radesk.api.RaConnection;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.SearchDesk;
import radesk.api.staff.StaffDesk;

/**
 * The counter workstation in connected mode ({@link ServerSettings#connected()}, read at start):
 * the service interfaces the screens use are registered as the RA server's, ranked above the
 * embedded service's, so the same screens work on the server's records. Card work stays at this
 * workstation's reader (radesk.flows.counter). In standalone mode (the default) this registers nothing.
 */
@Component(immediate = true)
public final class ConnectedMode {

	private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
	private ServerConnection connection;

	@Activate
	public ConnectedMode(BundleContext context) throws Exception {
		if (!connectedAtStart()) {
			return;
		}
		connection = new ServerConnection(ServerSettings.address(), ServerSettings.rootFile());
		register(context, StaffDesk.class, RemoteDesks.staff(connection));
		register(context, CounterIntake.class, RemoteDesks.intake(connection));
		register(context, RegistrationDesk.class, RemoteDesks.registration(connection));
		register(context, MailroomDesk.class, RemoteDesks.mailroom(connection));
		register(context, IssuanceDesk.class, RemoteDesks.issuance(connection));
		register(context, SearchDesk.class, RemoteDesks.search(connection));
		register(context, AuditTrail.class, RemoteDesks.audit(connection));
		register(context, CrlDesk.class, RemoteDesks.crl(connection));
		register(context, FormDesk.class, RemoteDesks.forms(connection));
		register(context, CardDesk.class, RemoteDesks.cards(connection));
		register(context, radesk.api.staff.StaffCardDesk.class, RemoteDesks.staffCards(connection));
		register(context, radesk.api.EmailDesk.class, new RemoteEmailDesk(connection));
		register(context, radesk.api.staff.NoticeDesk.class, new RemoteNoticeDesk(connection));
		register(context, radesk.api.staff.SuspensionDesk.class, RemoteDesks.holds(connection));
		String address = connection.address();
		register(context, RaConnection.class, new RaConnection() {
			@Override
			public Mode mode() {
				return Mode.REMOTE;
			}

			@Override
			public String location() {
				return address;
			}
		});
	}

	/** Connected mode is chosen at start; where no preferences can be read (a headless server), it is not. */
	private static boolean connectedAtStart() {
		try {
			return ServerSettings.connected();
		} catch (RuntimeException e) {
			return "server".equals(System.getProperty("radesk.connection"));
		}
	}

	private <T> void register(BundleContext context, Class<T> type, T service) {
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put(Constants.SERVICE_RANKING, 100);
		properties.put("radesk.remote", Boolean.TRUE);
		registrations.add(context.registerService(type, service, properties));
	}

	@Deactivate
	void stop() {
		registrations.forEach(ServiceRegistration::unregister);
		registrations.clear();
		if (connection != null) {
			connection.signOut();
		}
	}
}

package radesk.wire.staff;

import com.fasterxml.jackson.core.type.TypeReference;

import radesk.wire.Nullable;
import radesk.wire.Route;
import radesk.wire.staff.StaffApi.Done;

/** The staff API's routes of 暫禁 and 恢復使用; part of {@link StaffApi#ALL}. */
public final class HoldApi {

	private HoldApi() {
	}

	/** A certificate (its 憑證識別碼 or serial) and why, for the record. */
	public record Hold(String certificate, @Nullable String note) {
	}

	public static final Route<Hold, Done> SUSPEND = Route.staff("staff/certificates/suspend", Hold.class, new TypeReference<>() {
	});
	public static final Route<Hold, Done> RESUME = Route.staff("staff/certificates/resume", Hold.class, new TypeReference<>() {
	});
}

package radesk.card.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.card.CardModule;

/** Lists readers and cards through the module's own C API. */
@Component(service = CardReaders.class)
public final class Pkcs11CardReaders implements CardReaders {

	private final String module;
	private Cryptoki cryptoki;

	@Activate
	public Pkcs11CardReaders() {
		this.module = CardModule.path();
	}

	@Override
	public String module() {
		return module;
	}

	@Override
	public synchronized List<CardSlot> slots() throws CardAccessException {
		Cryptoki ck = cryptoki();
		NativeLongByReference count = new NativeLongByReference();
		check(ck.C_GetSlotList((byte) 0, null, count), "C_GetSlotList");
		NativeLong[] ids = new NativeLong[count.getValue().intValue()];
		if (ids.length > 0) {
			check(ck.C_GetSlotList((byte) 0, ids, count), "C_GetSlotList");
		}
		List<CardSlot> slots = new ArrayList<>();
		for (int i = 0; i < count.getValue().intValue(); i++) {
			slots.add(describe(ck, ids[i]));
		}
		return slots;
	}

	private static CardSlot describe(Cryptoki ck, NativeLong id) throws CardAccessException {
		Cryptoki.SlotInfo slot = new Cryptoki.SlotInfo();
		check(ck.C_GetSlotInfo(id, slot), "C_GetSlotInfo");
		String reader = Cryptoki.text(slot.slotDescription);
		if ((slot.flags.longValue() & Cryptoki.CKF_TOKEN_PRESENT) == 0) {
			return new CardSlot(id.longValue(), reader, false, false, "", "");
		}
		Cryptoki.TokenInfo token = new Cryptoki.TokenInfo();
		long rv = ck.C_GetTokenInfo(id, token).longValue();
		if (rv == Cryptoki.CKR_TOKEN_NOT_PRESENT || rv == Cryptoki.CKR_DEVICE_REMOVED) {
			return new CardSlot(id.longValue(), reader, false, false, "", "");
		}
		check(rv, "C_GetTokenInfo");
		boolean initialized = (token.flags.longValue() & Cryptoki.CKF_TOKEN_INITIALIZED) != 0;
		return new CardSlot(id.longValue(), reader, true, initialized, Cryptoki.text(token.label),
				Cryptoki.text(token.serialNumber));
	}

	private Cryptoki cryptoki() throws CardAccessException {
		if (cryptoki != null) {
			return cryptoki;
		}
		if (!Files.isReadable(Path.of(module))) {
			throw new CardAccessException(Reason.MODULE_NOT_FOUND, module, null);
		}
		try {
			if (CardModule.isSoftHsm()) {
				Environment.setIfAbsent("SOFTHSM2_CONF", CardModule.softHsmConfig().toString());
			}
			Cryptoki loaded = Native.load(module, Cryptoki.class);
			long rv = loaded.C_Initialize(null).longValue();
			if (rv != Cryptoki.CKR_OK && rv != Cryptoki.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
				throw new CardAccessException(Reason.MODULE_ERROR, "C_Initialize returned 0x" + Long.toHexString(rv), null);
			}
			cryptoki = loaded;
			return loaded;
		} catch (IOException | UnsatisfiedLinkError e) {
			throw new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
		}
	}

	private static void check(NativeLong rv, String call) throws CardAccessException {
		check(rv.longValue(), call);
	}

	private static void check(long rv, String call) throws CardAccessException {
		if (rv == Cryptoki.CKR_DEVICE_REMOVED || rv == Cryptoki.CKR_TOKEN_NOT_PRESENT) {
			throw new CardAccessException(Reason.CARD_REMOVED, call, null);
		}
		if (rv != Cryptoki.CKR_OK) {
			throw new CardAccessException(Reason.MODULE_ERROR, call + " returned 0x" + Long.toHexString(rv), null);
		}
	}
}

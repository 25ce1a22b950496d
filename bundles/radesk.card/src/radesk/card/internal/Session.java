package radesk.card.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;

import radesk.api.CardAccessException;

/** A read-write session on one card; closing it logs out and closes the session. */
final class Session implements AutoCloseable {

	private final Cryptoki ck;
	private final NativeLong handle;
	private boolean loggedIn;

	private Session(Cryptoki ck, NativeLong handle) {
		this.ck = ck;
		this.handle = handle;
	}

	static Session open(Pkcs11Module module, NativeLong slot) throws CardAccessException {
		Cryptoki ck = module.api();
		NativeLongByReference h = new NativeLongByReference();
		Pkcs11Module.check(ck.C_OpenSession(slot, new NativeLong(Cryptoki.CKF_SERIAL_SESSION | Cryptoki.CKF_RW_SESSION),
				null, null, h), "C_OpenSession");
		return new Session(ck, h.getValue());
	}

	void login(long userType, char[] pin) throws CardAccessException {
		byte[] bytes = utf8(pin);
		try {
			long rv = ck.C_Login(handle, new NativeLong(userType), bytes, new NativeLong(bytes.length)).longValue();
			if (rv != Cryptoki.CKR_USER_ALREADY_LOGGED_IN) {
				Pkcs11Module.check(rv, "C_Login");
			}
			loggedIn = true;
		} finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	void initPin(char[] pin) throws CardAccessException {
		byte[] bytes = utf8(pin);
		try {
			Pkcs11Module.check(ck.C_InitPIN(handle, bytes, new NativeLong(bytes.length)), "C_InitPIN");
		} finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	void setPin(char[] oldPin, char[] newPin) throws CardAccessException {
		byte[] o = utf8(oldPin);
		byte[] n = utf8(newPin);
		try {
			Pkcs11Module.check(ck.C_SetPIN(handle, o, new NativeLong(o.length), n, new NativeLong(n.length)), "C_SetPIN");
		} finally {
			Arrays.fill(o, (byte) 0);
			Arrays.fill(n, (byte) 0);
		}
	}

	/** The value of the public data object with this label, written by RA Desk. */
	Optional<byte[]> readData(String label) throws CardAccessException {
		Optional<NativeLong> object = findData(label);
		if (object.isEmpty()) {
			return Optional.empty();
		}
		Cryptoki.Attribute[] size = template(1);
		size[0].type = new NativeLong(Cryptoki.CKA_VALUE);
		size[0].write();
		Pkcs11Module.check(ck.C_GetAttributeValue(handle, object.get(), size, new NativeLong(1)), "C_GetAttributeValue");
		size[0].read();
		int length = size[0].ulValueLen.intValue();
		Memory value = new Memory(Math.max(1, length));
		Cryptoki.Attribute[] read = template(1);
		read[0].type = new NativeLong(Cryptoki.CKA_VALUE);
		read[0].pValue = value;
		read[0].ulValueLen = new NativeLong(length);
		read[0].write();
		Pkcs11Module.check(ck.C_GetAttributeValue(handle, object.get(), read, new NativeLong(1)), "C_GetAttributeValue");
		return Optional.of(value.getByteArray(0, length));
	}

	/** Replaces the public data object with this label: destroy, then create (a crash leaves none, read as zero). */
	void writeData(String label, byte[] value) throws CardAccessException {
		Optional<NativeLong> old = findData(label);
		if (old.isPresent()) {
			Pkcs11Module.check(ck.C_DestroyObject(handle, old.get()), "C_DestroyObject");
		}
		byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
		Cryptoki.Attribute[] t = template(5);
		set(t[0], Cryptoki.CKA_CLASS, ulong(Cryptoki.CKO_DATA));
		set(t[1], Cryptoki.CKA_TOKEN, new byte[] { 1 });
		set(t[2], Cryptoki.CKA_PRIVATE, new byte[] { 0 });
		set(t[3], Cryptoki.CKA_LABEL, labelBytes);
		set(t[4], Cryptoki.CKA_VALUE, value);
		Pkcs11Module.check(ck.C_CreateObject(handle, t, new NativeLong(t.length), new NativeLongByReference()), "C_CreateObject");
	}

	private Optional<NativeLong> findData(String label) throws CardAccessException {
		Cryptoki.Attribute[] t = template(2);
		set(t[0], Cryptoki.CKA_CLASS, ulong(Cryptoki.CKO_DATA));
		set(t[1], Cryptoki.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
		Pkcs11Module.check(ck.C_FindObjectsInit(handle, t, new NativeLong(t.length)), "C_FindObjectsInit");
		try {
			NativeLong[] found = new NativeLong[1];
			NativeLongByReference count = new NativeLongByReference();
			Pkcs11Module.check(ck.C_FindObjects(handle, found, new NativeLong(1), count), "C_FindObjects");
			return count.getValue().intValue() == 0 ? Optional.empty() : Optional.of(found[0]);
		} finally {
			ck.C_FindObjectsFinal(handle);
		}
	}

	private static Cryptoki.Attribute[] template(int n) {
		return (Cryptoki.Attribute[]) new Cryptoki.Attribute().toArray(n);
	}

	private static void set(Cryptoki.Attribute a, long type, byte[] value) {
		Memory m = new Memory(Math.max(1, value.length));
		m.write(0, value, 0, value.length);
		a.type = new NativeLong(type);
		a.pValue = m;
		a.ulValueLen = new NativeLong(value.length);
		a.write();
	}

	private static byte[] ulong(long v) {
		Memory m = new Memory(NativeLong.SIZE);
		m.setNativeLong(0, new NativeLong(v));
		return m.getByteArray(0, NativeLong.SIZE);
	}

	static byte[] utf8(char[] pin) {
		java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(pin));
		byte[] out = new byte[b.remaining()];
		b.get(out);
		if (b.hasArray()) {
			Arrays.fill(b.array(), (byte) 0);
		}
		return out;
	}

	@Override
	public void close() {
		if (loggedIn) {
			ck.C_Logout(handle);
		}
		ck.C_CloseSession(handle);
	}
}

package radesk.card.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;

import radesk.api.CardAccessException;

/** A read-write session on one card; closing it logs out and closes the session. */
final class Session implements AutoCloseable {

	private final Cryptoki ck;
	private final NativeLong handle;
	private final Pkcs11Module module;
	private final int generation;
	private boolean loggedIn;
	private boolean closed;

	private Session(Cryptoki ck, NativeLong handle, Pkcs11Module module) {
		this.ck = ck;
		this.handle = handle;
		this.module = module;
		this.generation = module.generation();
		module.opened(1);
	}

	static Session open(Pkcs11Module module, NativeLong slot) throws CardAccessException {
		Cryptoki ck = module.api();
		NativeLongByReference h = new NativeLongByReference();
		Pkcs11Module.check(ck.C_OpenSession(slot, new NativeLong(Cryptoki.CKF_SERIAL_SESSION | Cryptoki.CKF_RW_SESSION),
				null, null, h), "C_OpenSession");
		return new Session(ck, h.getValue(), module);
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
		List<NativeLong> found = find(new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_DATA)
				.bytes(Cryptoki.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8)), 1);
		return found.isEmpty() ? Optional.empty() : Optional.of(attribute(found.get(0), Cryptoki.CKA_VALUE));
	}

	/** Replaces the public data object with this label: destroy, then create (a crash leaves none, read as zero). */
	void writeData(String label, byte[] value) throws CardAccessException {
		byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
		for (NativeLong old : find(new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_DATA).bytes(Cryptoki.CKA_LABEL, labelBytes), 8)) {
			destroy(old);
		}
		create(new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_DATA).bool(Cryptoki.CKA_TOKEN, true)
				.bool(Cryptoki.CKA_PRIVATE, false).bytes(Cryptoki.CKA_LABEL, labelBytes).bytes(Cryptoki.CKA_VALUE, value));
	}

	NativeLong create(Template t) throws CardAccessException {
		NativeLongByReference object = new NativeLongByReference();
		Pkcs11Module.check(ck.C_CreateObject(handle, t.array(), t.count(), object), "C_CreateObject");
		return object.getValue();
	}

	void destroy(NativeLong object) throws CardAccessException {
		Pkcs11Module.check(ck.C_DestroyObject(handle, object), "C_DestroyObject");
	}

	/** The objects matching a template, at most {@code max}. */
	List<NativeLong> find(Template t, int max) throws CardAccessException {
		Pkcs11Module.check(ck.C_FindObjectsInit(handle, t.array(), t.count()), "C_FindObjectsInit");
		try {
			NativeLong[] found = new NativeLong[max];
			NativeLongByReference count = new NativeLongByReference();
			Pkcs11Module.check(ck.C_FindObjects(handle, found, new NativeLong(max), count), "C_FindObjects");
			List<NativeLong> objects = new ArrayList<>();
			for (int i = 0; i < count.getValue().intValue(); i++) {
				objects.add(found[i]);
			}
			return objects;
		} finally {
			ck.C_FindObjectsFinal(handle);
		}
	}

	/** One attribute's value: asks for its length, then for the bytes. */
	byte[] attribute(NativeLong object, long type) throws CardAccessException {
		Cryptoki.Attribute[] size = (Cryptoki.Attribute[]) new Cryptoki.Attribute().toArray(1);
		size[0].type = new NativeLong(type);
		size[0].write();
		Pkcs11Module.check(ck.C_GetAttributeValue(handle, object, size, new NativeLong(1)), "C_GetAttributeValue");
		size[0].read();
		int length = size[0].ulValueLen.intValue();
		Memory value = new Memory(Math.max(1, length));
		Cryptoki.Attribute[] read = (Cryptoki.Attribute[]) new Cryptoki.Attribute().toArray(1);
		read[0].type = new NativeLong(type);
		read[0].pValue = value;
		read[0].ulValueLen = new NativeLong(length);
		read[0].write();
		Pkcs11Module.check(ck.C_GetAttributeValue(handle, object, read, new NativeLong(1)), "C_GetAttributeValue");
		return value.getByteArray(0, length);
	}

	/** Generates a key pair on the card; returns {public, private} handles. */
	NativeLong[] generateKeyPair(long mechanism, Template publicKey, Template privateKey) throws CardAccessException {
		NativeLongByReference pub = new NativeLongByReference();
		NativeLongByReference priv = new NativeLongByReference();
		Pkcs11Module.check(ck.C_GenerateKeyPair(handle, new Cryptoki.Mechanism(mechanism), publicKey.array(), publicKey.count(),
				privateKey.array(), privateKey.count(), pub, priv), "C_GenerateKeyPair");
		return new NativeLong[] { pub.getValue(), priv.getValue() };
	}

	/** Signs with a key on the card; the card never gives the key out. */
	byte[] sign(NativeLong key, long mechanism, byte[] data) throws CardAccessException {
		Pkcs11Module.check(ck.C_SignInit(handle, new Cryptoki.Mechanism(mechanism), key), "C_SignInit");
		NativeLongByReference length = new NativeLongByReference(new NativeLong(1024));
		byte[] out = new byte[1024];
		Pkcs11Module.check(ck.C_Sign(handle, data, new NativeLong(data.length), out, length), "C_Sign");
		return Arrays.copyOf(out, length.getValue().intValue());
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

	/** Forgets a session the module's restart already ended: counted closed, nothing sent (its handle may be another's now). */
	void abandon() {
		if (!closed) {
			closed = true;
			module.opened(-1);
		}
	}

	@Override
	public void close() {
		if (closed) {
			return;
		}
		if (module.generation() != generation) {
			abandon(); // the module restarted since: this handle's number may belong to a newer session
			return;
		}
		closed = true;
		module.opened(-1);
		if (loggedIn) {
			ck.C_Logout(handle);
		}
		ck.C_CloseSession(handle);
	}
}

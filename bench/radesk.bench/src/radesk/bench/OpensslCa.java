package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An openssl CA of the same kind as RA Desk's issuing CA (EC P-256, SHA-256) with the same
 * subscriber extensions, for the peers {@code openssl ca -batch} and {@code openssl ca -gencrl}.
 */
final class OpensslCa {

	private OpensslCa() {
	}

	static void prepare(Path ca) throws Exception {
		Files.writeString(ca.resolve("ca.cnf"), """
				[ ca ]
				default_ca = bench
				[ bench ]
				dir = .
				database = index.txt
				new_certs_dir = certs
				certificate = ca.pem
				private_key = ca.key
				serial = serial
				crlnumber = crlnumber
				rand_serial = yes
				unique_subject = no
				default_md = sha256
				default_days = 730
				default_crl_days = 7
				policy = anything
				x509_extensions = subscriber
				copy_extensions = none
				[ anything ]
				commonName = supplied
				[ subscriber ]
				basicConstraints = critical, CA:FALSE
				keyUsage = critical, digitalSignature, nonRepudiation
				extendedKeyUsage = clientAuth, emailProtection
				subjectKeyIdentifier = hash
				authorityKeyIdentifier = keyid
				crlDistributionPoints = URI:http://127.0.0.1:8080/crl/issuing.crl
				authorityInfoAccess = caIssuers;URI:http://127.0.0.1:8080/ca/issuing.cer
				certificatePolicies = 2.25.185246643932664772024571823956634733717
				[ req ]
				distinguished_name = dn
				x509_extensions = ca_ext
				[ dn ]
				[ ca_ext ]
				basicConstraints = critical, CA:TRUE, pathlen:0
				keyUsage = critical, keyCertSign, cRLSign
				subjectKeyIdentifier = hash
				""");
		Files.createDirectories(ca.resolve("certs"));
		Files.writeString(ca.resolve("index.txt"), "");
		Files.writeString(ca.resolve("crlnumber"), "1000\n");
		Peer.time(ca, List.of("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key"));
		Peer.time(ca, List.of("openssl", "req", "-new", "-x509", "-config", "ca.cnf", "-key", "ca.key", "-subj",
				"/C=TW/O=Bench/CN=Bench Issuing CA", "-days", "3650", "-out", "ca.pem"));
	}
}

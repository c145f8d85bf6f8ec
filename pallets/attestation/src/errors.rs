//! The attestation pallet's errors, and how a DCAP verification failure maps onto them.

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(errors::errors)]`.
#[pallet_section]
mod errors {
	/// Errors of the attestation pallet; each names the rule that was broken.
	#[pallet::error]
	pub enum Error<T> {
		/// No root CA is set, so nothing can be verified.
		RootCaMissing,
		/// The stored root CA certificate does not parse.
		RootCaMalformed,
		/// The quote bytes do not decode as a DCAP quote.
		QuoteMalformed,
		/// The quote's version, TEE type, key type or QE vendor is not supported.
		QuoteUnsupported,
		/// A signature inside the quote does not verify.
		QuoteSignatureInvalid,
		/// A certificate chain or CRL does not lead to the trusted root CA.
		UntrustedRoot,
		/// A certificate on a chain is revoked.
		CertificateRevoked,
		/// The collateral does not decode or one of its parts does not parse.
		CollateralMalformed,
		/// A signature over TCB info or QE identity does not verify.
		CollateralSignatureInvalid,
		/// The collateral (or a certificate) is past its `nextUpdate` at the block time.
		CollateralExpired,
		/// The collateral (or a certificate) is not yet valid at the block time.
		CollateralNotYetValid,
		/// No collateral verified against the current root is stored for the quote's
		/// platform.
		CollateralMissing,
		/// The submitted collateral is older than the stored one (a TCB evaluation data
		/// number, CRL number or issue date went down).
		CollateralRollback,
		/// The quote's platform (FMSPC / TEE type) is not the collateral's.
		FmspcMismatch,
		/// The quoting enclave does not match Intel's QE identity.
		QeIdentityMismatch,
		/// No TCB level of the collateral matches the platform.
		TcbLevelUnknown,
		/// Intel revoked the platform's TCB.
		TcbRevoked,
		/// The platform carries more advisories than can be recorded.
		TooManyAdvisories,
		/// The quote failed verification for a reason without its own error.
		QuoteVerificationFailed,
		/// The node does not provide the DCAP verifier.
		VerifierUnavailable,
		/// The measurement is not on the allow-list.
		MeasurementNotAllowed,
		/// The measurement was revoked.
		MeasurementRevoked,
		/// The measurement is already on the allow-list.
		MeasurementAlreadyAllowed,
		/// An SGX measurement entry must pin MRENCLAVE or MRSIGNER.
		MeasurementMalformed,
		/// The quote's enclave identity does not satisfy the named measurement.
		MeasurementMismatch,
		/// The enclave runs in debug mode; debug enclaves are never accepted.
		DebugEnclave,
		/// The platform's TCB status is not accepted by the policy.
		TcbStatusRejected,
		/// The platform is affected by an advisory the policy rejects.
		AdvisoryRejected,
		/// `Revoked` can never be an accepted TCB status.
		RevokedStatusNotAcceptable,
		/// The quote's report data does not commit to this registration.
		ReportDataMismatch,
		/// The quote's report data carries no sealing key (its bytes 32..64 are zero): the
		/// enclave software predates sealed builds. Also: a sealed build names an enclave
		/// that has no registered sealing key.
		SealingKeyMissing,
		/// The quote's report data carries another sealing key than the one submitted.
		SealingKeyMismatch,
		/// A re-attestation brought another sealing key than the enclave's registered one;
		/// builds may be sealed to the old one, so a new sealing key needs a new enclave key.
		SealingKeyChanged,
		/// The provider holds no such nonce (never issued, already used, or expired and
		/// taken out of state).
		NonceUnknown,
		/// The nonce's lifetime is over.
		NonceExpired,
		/// The provider already holds `MaxNoncesPerProvider` unexpired nonces.
		TooManyNonces,
		/// The enclave key is registered to another provider.
		EnclaveKeyTaken,
		/// The provider already has `MaxEnclavesPerProvider` unexpired enclaves.
		TooManyEnclaves,
		/// No such enclave is registered.
		EnclaveUnknown,
		/// The enclave is registered to another provider.
		NotEnclaveProvider,
		/// The provider has no registered enclave.
		NoEnclave,
		/// The enclave's registration expired; it must re-attest.
		EnclaveExpired,
		/// The provider's enclaves do not satisfy the build's required measurement.
		RequiredMeasurementMissing,
		/// The work proof's signature is not the named enclave key's signature over the claim.
		WorkProofInvalid,
		/// The collateral carries a PCK certificate chain (`pck_certificate_chain`, which
		/// dcap-qvl's fetcher attaches). dcap-qvl would verify every quote of the platform
		/// type with that one machine's chain instead of the quote's own, locking every
		/// other machine of that FMSPC out; submit Intel's items only (set the field to
		/// `None`).
		CollateralCarriesPckChain,
		/// The enclave was verified against a root CA that is no longer the trusted one; it
		/// must re-attest.
		EnclaveRootChanged,
		/// Governance revoked the platform type (TEE, FMSPC) of the enclave or quote.
		PlatformRevoked,
		/// The platform type is already revoked.
		PlatformAlreadyRevoked,
		/// The platform type is not revoked.
		PlatformNotRevoked,
		/// The collateral's TCB evaluation data number is below the minimum governance set
		/// for its TEE (collateral from before an Intel TCB recovery).
		TcbEvaluationTooOld,
		/// This chain started with Intel's SGX Root CA, so no other root can be trusted.
		RootCaNotIntel,
		/// A certificate chain does not have the shape of Intel's: a quote's PCK chain is a
		/// PEM chain of three certificates (PCK, platform or processor CA, root), each
		/// issuer chain of collateral holds two (signer, root), and every certificate has a
		/// P-256 key and an ECDSA-with-SHA-256 signature.
		CertificateChainShape,
		/// None of the provider's enclaves is a recipient of the sealed build: only the
		/// enclaves the builder sealed the input to can read it.
		NotARecipient,
		/// Governance retired this enclave key (`force_deregister`); it never registers
		/// again. Register a new key.
		EnclaveKeyRetired,
		/// The collateral is newer than the ceiling governance set for its platform when it
		/// restored the platform's collateral ([`CollateralCeilings`]): its TCB info's or QE
		/// identity's evaluation data number is above it. Governance lifts the ceiling once
		/// that collateral is Intel's standard.
		CollateralAboveCeiling,
		/// The platform has no collateral ceiling to lift.
		NoCollateralCeiling,
		/// The provider cannot pay the enclave deposit ([`Config::EnclaveDeposit`]) from its
		/// free balance.
		InsufficientEnclaveDeposit,
	}

	impl<T> From<DcapError> for Error<T> {
		fn from(error: DcapError) -> Self {
			match error {
				DcapError::QuoteMalformed => Error::QuoteMalformed,
				DcapError::UnsupportedQuote => Error::QuoteUnsupported,
				DcapError::QuoteSignatureInvalid => Error::QuoteSignatureInvalid,
				DcapError::CollateralMalformed => Error::CollateralMalformed,
				DcapError::CollateralSignatureInvalid => Error::CollateralSignatureInvalid,
				DcapError::CollateralExpired => Error::CollateralExpired,
				DcapError::CollateralNotYetValid => Error::CollateralNotYetValid,
				DcapError::RootMalformed => Error::RootCaMalformed,
				DcapError::UntrustedRoot => Error::UntrustedRoot,
				DcapError::CertificateRevoked => Error::CertificateRevoked,
				DcapError::FmspcMismatch => Error::FmspcMismatch,
				DcapError::QeIdentityMismatch => Error::QeIdentityMismatch,
				DcapError::TcbLevelUnknown => Error::TcbLevelUnknown,
				DcapError::TcbRevoked => Error::TcbRevoked,
				DcapError::TooManyAdvisories => Error::TooManyAdvisories,
				DcapError::VerificationFailed => Error::QuoteVerificationFailed,
				DcapError::VerifierUnavailable => Error::VerifierUnavailable,
				DcapError::CollateralCarriesPckChain => Error::CollateralCarriesPckChain,
				DcapError::CertificateChainShape => Error::CertificateChainShape,
			}
		}
	}
}

import Core
import Foundation
import Logging

extension TokenManager {
    /// One renewal: a refresh when allowed (marker written first), else — or when the refresh token
    /// is refused or its fate is unknown — the credentials, once.
    func runRenewal(into shared: SharedValue<Result<Secret, UpstreamError>>, refresh: Bool) async {
        let deadline = ContinuousClock.now + renewalBudget
        let result = await renewal(refresh: refresh, deadline: deadline)
        finishFlight()
        shared.fulfil(result)
    }

    private func renewal(refresh: Bool, deadline: ContinuousClock.Instant) async -> Result<Secret, UpstreamError> {
        if refresh, let refreshToken = currentRefreshToken() {
            switch await refreshPair(refreshToken, deadline: deadline) {
            case .renewed(let token): return .success(token)
            case .failed(let error): return .failure(error)
            case .fallBack: break
            }
        }
        let requestedAt = clock.now()
        switch await wire.exchangeCredentials(deadline: deadline) {
        case .success(let issued):
            noteExchange()
            return .success(await adopt(issued.persisted(requestedAt: requestedAt)))
        case .failure(let error):
            await handleAuthFailure(error)
            return .failure(error)
        }
    }

    private enum RefreshOutcome {
        case renewed(Secret)
        case failed(UpstreamError)
        case fallBack
    }

    private func refreshPair(_ refreshToken: Secret, deadline: ContinuousClock.Instant) async -> RefreshOutcome {
        do { try await persistenceMarkInFlight() } catch {
            logger.error(
                "cannot record the refresh marker; authenticating with the credentials instead",
                metadata: ["error": "\(error)"])
            disableRefresh()
            return .fallBack
        }
        let requestedAt = clock.now()
        // From here on the refresh token may be consumed upstream: never send it again.
        disableRefresh()
        switch await wire.refresh(refreshToken, deadline: deadline) {
        case .success(let issued):
            noteRefresh()
            return .renewed(await adopt(issued.persisted(requestedAt: requestedAt)))
        case .failure(.refused(let code)):
            logger.notice(
                "the refresh token was refused; authenticating with the credentials", metadata: ["code": "\(code)"])
            return .fallBack
        case .failure(.unknown(let reason)):
            logger.warning(
                "the refresh failed with an unknown outcome; authenticating with the credentials",
                metadata: ["reason": "\(reason)"])
            return .fallBack
        case .failure(.fatal(let error)):
            await handleAuthFailure(error)
            return .failed(error)
        }
    }

    /// Saves a new pair (before it is used) and starts using it.
    private func adopt(_ pair: PersistedTokens) async -> Secret {
        do { try await persistenceSave(pair) } catch {
            logger.error("cannot save the new tokens; they are used from memory only", metadata: ["error": "\(error)"])
        }
        setTokens(pair)
        return pair.accessToken
    }

    private func handleAuthFailure(_ error: UpstreamError) async {
        switch error {
        case .clientDisabled:
            gate.disable()
            await forget()
        case .invalidCredentials:
            gate.refuseCredentials()
        default:
            break
        }
    }
}

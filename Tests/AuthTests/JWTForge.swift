import Crypto
import Foundation

/// Builds compact JWTs by hand (base64url header and payload, signature from Crypto) so tests
/// can produce tokens the issuer never would: `alg: none`, HS512, foreign `kid`s, bad claims.
enum JWTForge {
    enum Signature {
        case hs256(secret: String)
        case hs512(secret: String)
        case none
        case raw([UInt8])
    }

    static func token(header: String, payload: String, signature: Signature) -> String {
        let signingInput = base64URL(Array(header.utf8)) + "." + base64URL(Array(payload.utf8))
        let bytes: [UInt8] = switch signature {
        case .hs256(let secret):
            Array(HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: SymmetricKey(data: Array(secret.utf8))))
        case .hs512(let secret):
            Array(HMAC<SHA512>.authenticationCode(for: Array(signingInput.utf8), using: SymmetricKey(data: Array(secret.utf8))))
        case .none:
            []
        case .raw(let bytes):
            bytes
        }
        return signingInput + "." + base64URL(bytes)
    }

    static func header(alg: String, kid: String?, typ: String? = "JWT") -> String {
        var fields = [#""alg":"\#(alg)""#]
        if let typ { fields.append(#""typ":"\#(typ)""#) }
        if let kid { fields.append(#""kid":"\#(kid)""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The claims as JSON; `aud` is written as given (a JSON string or array), nil leaves a claim out.
    static func payload(sub: String = "7c9e6679-7425-40de-944b-e07fc1f90ae7", iat: Int?, exp: Int?, jti: String? = "a1b2",
                        iss: String? = "dbooster", aud: String? = #""dbooster-api""#, nbf: Int? = nil) -> String {
        var fields = [#""sub":"\#(sub)""#]
        if let iss { fields.append(#""iss":"\#(iss)""#) }
        if let aud { fields.append(#""aud":\#(aud)"#) }
        if let nbf { fields.append(#""nbf":\#(nbf)"#) }
        if let iat { fields.append(#""iat":\#(iat)"#) }
        if let exp { fields.append(#""exp":\#(exp)"#) }
        if let jti { fields.append(#""jti":"\#(jti)""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

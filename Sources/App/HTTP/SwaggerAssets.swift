import Foundation

/// Swagger UI's static files, served by `/docs` itself so that the docs work without the
/// internet (installed by `scripts/swagger-ui.sh` into `var/swagger-ui`, or `SWAGGER_UI_DIR`).
/// Read once at start; without the folder `/docs` falls back to the public CDN.
struct SwaggerAssets: Sendable {
    struct Asset: Sendable {
        let contentType: String
        let bytes: [UInt8]
    }

    /// File name → contents; only these names are ever served.
    let files: [String: Asset]

    /// The files `/docs` needs, when all are present in `directory`.
    static func load(from directory: URL) -> SwaggerAssets? {
        let names = ["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "LICENSE"]
        var files: [String: Asset] = [:]
        for name in names {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                return nil
            }
            files[name] = Asset(contentType: contentType(of: name), bytes: [UInt8](data))
        }
        return SwaggerAssets(files: files)
    }

    /// The docs page: Swagger UI over `/openapi.json`, from `/docs/assets/…` (or the CDN
    /// without local assets).
    static func page(local: Bool) -> String {
        let base = local ? "/docs/assets" : "https://unpkg.com/swagger-ui-dist@5.17.14"
        return """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>dbooster API</title>
              <link rel="icon" type="image/png" href="\(base)/favicon-32x32.png">
              <link rel="stylesheet" href="\(base)/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="\(base)/swagger-ui-bundle.js"></script>
              <script>
                window.onload = () => {
                  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null });
                };
              </script>
            </body>
            </html>
            """
    }

    private static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "png": "image/png"
        default: "text/plain; charset=utf-8"
        }
    }
}

/// `SWAGGER_UI_DIR`, else `var/swagger-ui` of the working directory or of the source tree.
func swaggerUIFolder(environment: [String: String]) -> URL {
    if let path = environment["SWAGGER_UI_DIR"], !path.isEmpty { return URL(fileURLWithPath: path) }
    let sourceRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("var/swagger-ui"),
        sourceRoot.appendingPathComponent("var/swagger-ui"),
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
}

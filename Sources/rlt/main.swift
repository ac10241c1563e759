import Foundation
import RLTCommandLine

exit(RLTTool.main())

package dev.strangler.proxy.admin;

import dev.strangler.control.ControlTokens;
import dev.strangler.proxy.consistency.ReadYourWrites;
import dev.strangler.proxy.shadow.ParityReport;
import dev.strangler.proxy.toggle.Flip;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The admin API: routes with their modes and figures, flips and their history, shadow parity. */
@RestController
@RequestMapping("/admin")
class AdminRoutesController {

    private final RouteViews views;

    AdminRoutesController(RouteViews views) {
        this.views = views;
    }

    @GetMapping("/routes")
    List<RouteView> routes() {
        return views.all();
    }

    @GetMapping("/routes/{name}")
    RouteView route(@PathVariable String name) {
        return views.one(name);
    }

    @PostMapping("/routes/{name}/flips")
    Mono<RouteView> flip(@PathVariable String name, @Valid @RequestBody FlipRequest request,
                         @RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String tokenName) {
        return views.flip(name, request.command(tokenName));
    }

    @GetMapping("/routes/{name}/flips")
    List<Flip> history(@PathVariable String name) {
        return views.history(name);
    }

    @GetMapping("/flips")
    List<RouteFlip> allHistory() {
        return views.allHistory();
    }

    @GetMapping("/routes/{name}/parity")
    ParityReport parity(@PathVariable String name) {
        return views.parity(name);
    }

    @GetMapping("/consistency")
    ReadYourWrites.Status consistency() {
        return views.consistency();
    }

    @GetMapping("/parity")
    List<ParityReport> allParity() {
        return views.allParity();
    }
}

// Sources (the index gave no repository names; read_file / find_string index ids):
//   18059313731  org.alliancegenome.curation_api.dao.GeneDAO (Alliance of Genome Resources
//                curation API, Quarkus/Hibernate)
//   44635562096  ar.edu.itba.paw.persistence.UserJpaDao (ITBA "PAW" event-booking web app, Spring + JPA)
// Classes: Hibernate / JPA `entityManager.createNativeQuery("…")` with `:name` parameters, a long
// native SELECT built from literal-only `+` continuation lines (static, one label), nested derived
// tables, CROSS JOIN, `MODE() WITHIN GROUP (ORDER BY …)` (PostgreSQL ordered-set aggregate);
// decoys: JPQL / HQL in `createQuery(…)` ("SELECT gene.curie FROM Gene gene WHERE …",
// "from User as u where u.username = :username", "… order by eb.event.date DESC"), which are not
// SQL and stay unlabelled, as in earlier rounds; em.find / em.getReference / em.persist.
// Adaptations: two files concatenated (the second class's package and imports kept as a comment;
// the second class made package-private); UserJpaDao's create/getUserById/rateUser methods were
// dropped (no query text). Otherwise verbatim.
package org.alliancegenome.curation_api.dao;

import java.math.BigInteger;
import java.util.List;

import javax.enterprise.context.ApplicationScoped;
import javax.persistence.Query;

import org.alliancegenome.curation_api.dao.base.BaseSQLDAO;
import org.alliancegenome.curation_api.model.entities.Gene;

@ApplicationScoped
public class GeneDAO extends BaseSQLDAO<Gene> {

	protected GeneDAO() {
		super(Gene.class);
	}

	public Gene getByIdOrCurie(String id) {
		return find(id);
	}

	public List<String> findAllCuriesByDataProvider(String dataProvider) {
		Query jpqlQuery = entityManager.createQuery("SELECT gene.curie FROM Gene gene WHERE gene.dataProvider.abbreviation = :dataProvider");
		jpqlQuery.setParameter("dataProvider", dataProvider);
		return (List<String>) jpqlQuery.getResultList();
	}

	public List<Long> findReferencingDiseaseAnnotations(String geneCurie) {
		Query jpqlQuery = entityManager.createQuery("SELECT da.id FROM DiseaseAnnotation da WHERE da.diseaseGeneticModifier.curie = :geneCurie");
		jpqlQuery.setParameter("geneCurie", geneCurie);
		List<Long> results = (List<Long>) jpqlQuery.getResultList();

		jpqlQuery = entityManager.createQuery("SELECT gda.id FROM GeneDiseaseAnnotation gda WHERE gda.subject.curie = :geneCurie");
		jpqlQuery.setParameter("geneCurie", geneCurie);
		results.addAll((List<Long>) jpqlQuery.getResultList());

		jpqlQuery = entityManager.createQuery("SELECT ada.id FROM AGMDiseaseAnnotation ada WHERE ada.inferredGene.curie = :geneCurie");
		jpqlQuery.setParameter("geneCurie", geneCurie);
		results.addAll((List<Long>) jpqlQuery.getResultList());

		jpqlQuery = entityManager.createQuery("SELECT ada.id FROM AlleleDiseaseAnnotation ada WHERE ada.inferredGene.curie = :geneCurie");
		jpqlQuery.setParameter("geneCurie", geneCurie);
		results.addAll((List<Long>) jpqlQuery.getResultList());

		jpqlQuery = entityManager.createNativeQuery("SELECT diseaseannotation_id FROM diseaseannotation_gene gda WHERE with_curie = :geneCurie"); // expect: static
		jpqlQuery.setParameter("geneCurie", geneCurie);
		for(BigInteger nativeResult : (List<BigInteger>) jpqlQuery.getResultList())
			results.add(nativeResult.longValue());

		jpqlQuery = entityManager.createNativeQuery("SELECT agmdiseaseannotation_id FROM agmdiseaseannotation_gene gda WHERE assertedgenes_curie = :geneCurie"); // expect: static
		jpqlQuery.setParameter("geneCurie", geneCurie);
		for(BigInteger nativeResult : (List<BigInteger>) jpqlQuery.getResultList())
			results.add(nativeResult.longValue());

		jpqlQuery = entityManager.createNativeQuery("SELECT allelediseaseannotation_id FROM allelediseaseannotation_gene gda WHERE assertedgenes_curie = :geneCurie"); // expect: static
		jpqlQuery.setParameter("geneCurie", geneCurie);
		for(BigInteger nativeResult : (List<BigInteger>) jpqlQuery.getResultList())
			results.add(nativeResult.longValue());

		return results;
	}

}

// --- second source: package ar.edu.itba.paw.persistence;
// import ar.edu.itba.paw.model.*;
// import org.springframework.stereotype.Repository;
// import javax.persistence.EntityManager;
// import javax.persistence.PersistenceContext;
// import javax.persistence.TypedQuery;
// import java.time.LocalDateTime;
// import java.util.*;

@Repository
class UserJpaDao implements UserDao {
    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<User> findByUsername(String username) {
        final TypedQuery<User> query = em.createQuery("from User as u where u.username = :username", User.class);
        query.setParameter("username", username);
        return query.getResultList().stream().findFirst();
    }

    @Override
    public List<EventBooking> getAllBookingsFromUser(long userId, int page) {
        final TypedQuery<EventBooking> query = em.createQuery("from EventBooking as eb where eb.user.id = :userid order by eb.event.date DESC", EventBooking.class);
        query.setParameter("userid", userId);
        return query.getResultList();
    }

    @Override
    public Optional<EventBooking> getBookingFromUser(long userId, long eventId) {
        final TypedQuery<EventBooking> query = em.createQuery("from EventBooking as eb where eb.user.id = :userid AND eb.event.id = :eventid", EventBooking.class);
        query.setParameter("userid", userId);
        query.setParameter("eventid", eventId);
        return query.getResultList().stream().findFirst();
    }

    @Override
    public Optional<EventBooking> getBooking(String code) {
        final TypedQuery<EventBooking> query = em.createQuery("from EventBooking as eb where eb.code = :code", EventBooking.class);
        query.setParameter("code", code);
        return query.getResultList().stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    @Override
    public Optional<EventStats> getEventStats(long id) {
        Query query = em.createNativeQuery("SELECT events, bookings, attendance, income, eventid FROM ((SELECT COUNT(*) AS events, SUM(bookings) AS bookings, SUM(bookings) / SUM(COALESCE(NULLIF(qty, 0), 1)) " + // expect: static
               "AS attendance, SUM(income) AS income FROM (SELECT e.eventid, SUM(COALESCE(booked, 0)) AS bookings, SUM(COALESCE(maxTickets, 0)) AS qty, " +
               "booked * price AS income FROM events e LEFT JOIN tickets t ON t.eventId = e.eventId WHERE e.userId = :userId GROUP BY e.eventid, booked, price) AS aux " +
               ") AS general CROSS JOIN (SELECT ec.eventid FROM events ec JOIN (SELECT e.eventid, SUM(COALESCE(booked, 0)) AS sumqty FROM events e LEFT JOIN tickets t ON " +
               "t.eventId = e.eventId WHERE e.userid = :userId GROUP BY e.eventid ORDER BY sumqty DESC LIMIT 1) AS aux ON ec.eventid = aux.eventid) AS event) AS aux"                );
        query.setParameter("userId", id);
        List<Object[]> resultSet = query.getResultList();
        Object[] result = resultSet.get(0);
        if (result == null)
            return Optional.empty();
        return Optional.of(new EventStats(((Number) result[0]).intValue(), ((Number) result[1]).intValue(),
                em.getReference(Event.class, ((Number) result[4]).longValue()), ((Number) result[2]).doubleValue(), ((Number) result[3]).doubleValue()));
    }

    @SuppressWarnings("unchecked")
    @Override
    public Optional<UserStats> getUserStats(long id) {
        Query query = em.createNativeQuery("SELECT attended, booked, favTypeId, favLocId " + // expect: static
                "FROM (SELECT COUNT(*) AS attended, SUM(qty) AS booked, MODE() WITHIN GROUP (ORDER BY e.typeId) AS favTypeId, MODE() WITHIN GROUP " +
                "(ORDER BY e.locationId) AS favLocId FROM eventbookings eb JOIN ticketbookings tb ON eb.id = tb.id JOIN events e ON eb.eventId = e.eventId " +
                "WHERE eb.userId = :userId) AS pre JOIN types t ON pre.favTypeId = t.typeid JOIN locations l ON pre.favLocId = l.locationid");
        query.setParameter("userId", id);
        List<Object[]> resultSet = query.getResultList();
        if (resultSet.isEmpty())
            return Optional.empty();
        Object[] result = resultSet.get(0);
        if (result == null)
            return Optional.empty();
        return Optional.of(new UserStats(((Number) result[0]).intValue(), ((Number) result[1]).intValue(),
                em.getReference(Type.class, ((Number) result[2]).longValue()), em.getReference(Location.class, ((Number) result[3]).longValue())));
    }

    @Override
    public Optional<User> findByMail(String mail) {
        final TypedQuery<User> query = em.createQuery("from User as u where u.mail = :mail", User.class);
        query.setParameter("mail", mail);
        return query.getResultList().stream().findFirst();
    }

    @Override
    public boolean canRate(long organizerId, long userId) {
        final TypedQuery<EventBooking> query = em.createQuery("from EventBooking as eb where eb.user.id = :userid and eb.event.date <= :date and eb.event.organizer.id = :organizerid", EventBooking.class);
        query.setParameter("userid", userId);
        query.setParameter("organizerid", organizerId);
        query.setParameter("date", LocalDateTime.now());
        return !query.getResultList().isEmpty();
    }
}

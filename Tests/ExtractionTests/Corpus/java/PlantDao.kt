// Source: android/sunflower — app/src/main/java/com/google/samples/apps/sunflower/data/PlantDao.kt
// (Apache License 2.0, Copyright 2018 Google LLC). Complete file, licence header shortened.
// Classes: ordinary statements (Room @Query, SQLite), placeholders (:growZoneNumber, :plantId).

package com.google.samples.apps.sunflower.data

import android.arch.lifecycle.LiveData
import android.arch.persistence.room.Dao
import android.arch.persistence.room.Insert
import android.arch.persistence.room.OnConflictStrategy
import android.arch.persistence.room.Query

/**
 * The Data Access Object for the Plant class.
 */
@Dao
interface PlantDao {
    @Query("SELECT * FROM plants ORDER BY name") // expect: static
    fun getPlants(): LiveData<List<Plant>>

    @Query("SELECT * FROM plants WHERE growZoneNumber = :growZoneNumber ORDER BY name") // expect: static
    fun getPlantsWithGrowZoneNumber(growZoneNumber: Int): LiveData<List<Plant>>

    @Query("SELECT * FROM plants WHERE id = :plantId") // expect: static
    fun getPlant(plantId: String): LiveData<Plant>

    @Insert(onConflict = OnConflictStrategy.REPLACE)
    fun insertAll(plants: List<Plant>)
}
